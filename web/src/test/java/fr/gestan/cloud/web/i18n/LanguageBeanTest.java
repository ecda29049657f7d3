package fr.gestan.cloud.web.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.servlet.http.Cookie;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class LanguageBeanTest {

    @Test
    void french_unless_the_cookie_asks_for_english() {
        assertEquals(Locale.FRENCH, LanguageBean.fromCookies(null));
        assertEquals(Locale.FRENCH, LanguageBean.fromCookies(new Cookie[] {new Cookie("other", "en")}));
        assertEquals(Locale.FRENCH, LanguageBean.fromCookies(new Cookie[] {new Cookie(LanguageBean.COOKIE, "de")}));
        assertEquals(Locale.ENGLISH, LanguageBean.fromCookies(new Cookie[] {new Cookie(LanguageBean.COOKIE, "en")}));
    }
}
