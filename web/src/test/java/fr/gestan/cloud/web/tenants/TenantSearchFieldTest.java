package fr.gestan.cloud.web.tenants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.gestan.cloud.tenants.api.TenantQuery;
import jakarta.validation.constraints.Size;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The staff tenant search's text field stops the typing where the service stops reading: a longer text was sent, refused
 * by the service, and listed no tenant with nothing to say why.
 */
class TenantSearchFieldTest {

    @Test
    void the_search_field_takes_no_more_characters_than_the_service() throws Exception {
        int serviceMax = TenantQuery.class.getMethod("text").getAnnotation(Size.class).max();
        String page = Files.readString(Path.of("src/main/webapp/admin/tenants/index.xhtml"));
        Matcher field = Pattern.compile("<p:inputText id=\"text\"[^>]*>").matcher(page);
        assertTrue(field.find(), "the search's text field");
        Matcher maxlength = Pattern.compile("maxlength=\"(\\d+)\"").matcher(field.group());
        assertTrue(maxlength.find(), "a maxlength on " + field.group());
        assertEquals(serviceMax, Integer.parseInt(maxlength.group(1)));
    }
}
