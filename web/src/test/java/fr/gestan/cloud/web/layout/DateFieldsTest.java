package fr.gestan.cloud.web.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * One rule for every date field: typed as {@code dd/MM/yyyy} (with {@code HH:mm} where it holds a time), and its
 * calendar opens from its button only, never on focus. A calendar that opened on focus fought whoever typed: it took
 * the focus back to its field while it closed, so the next field's last keys landed in it ("04/12/202628"), and the
 * server refused the date (issue 21, the agreement upload).
 */
class DateFieldsTest {

    private static final Pattern PICKER = Pattern.compile("<p:datePicker\\b[^>]*>");

    @Test
    void every_date_field_opens_its_calendar_from_its_button_and_reads_day_month_year() throws Exception {
        List<String> pickers = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        try (var pages = Files.walk(Path.of("src/main/webapp"))) {
            for (Path page : pages.filter(p -> p.toString().endsWith(".xhtml")).toList()) {
                Matcher picker = PICKER.matcher(Files.readString(page));
                while (picker.find()) {
                    String tag = picker.group();
                    pickers.add(tag);
                    boolean ok = tag.contains("showOnFocus=\"false\"") && tag.contains("showIcon=\"true\"")
                            && tag.matches("(?s).*pattern=\"dd/MM/yyyy( HH:mm)?\".*") && !tag.contains("inline=\"true\"");
                    if (!ok) {
                        wrong.add(page.getFileName() + ": " + tag);
                    }
                }
            }
        }
        assertFalse(pickers.isEmpty(), "the pages hold date fields");
        assertEquals(List.of(), wrong, "date fields whose calendar opens on focus, without its button, or in another format");
    }
}
