package fr.gestan.cloud.web.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The agreements page prints its days in the product's one date format (issue 21: the table showed 2026-12-03 where
 * every other screen shows 03/12/2026): each day of an agreement goes through {@code fmt.day}.
 */
class AgreementsPageTest {

    @Test
    void the_agreement_days_are_printed_through_the_one_date_format() throws Exception {
        String page = Files.readString(Path.of("src/main/webapp/admin/security/agreements.xhtml"));
        Matcher day = Pattern.compile("agreement\\(\\)\\.(signedOn|expiresOn)\\(\\)").matcher(page);
        int found = 0;
        while (day.find()) {
            found++;
            String before = page.substring(Math.max(0, day.start() - 40), day.start());
            assertTrue(before.matches("(?s).*fmt\\.day\\(s\\.$"), "printed raw (ISO): ..." + before + day.group());
        }
        assertTrue(found >= 2, "both days are in the table");
        assertFalse(page.contains("s.agreement().signedOn() :"), "no raw day");
    }
}
