package fr.gestan.cloud.web.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** A view's first locale is the user's language (its cookie), whatever the browser's Accept-Language says. */
class LanguageViewHandlerTest {

    /** A request whose browser asks for English ({@code Accept-Language: en}) with the given cookies. */
    private static HttpServletRequest englishBrowser(Cookie... cookies) {
        return (HttpServletRequest) Proxy.newProxyInstance(LanguageViewHandlerTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getCookies" -> cookies.length == 0 ? null : cookies;
                    case "getLocale" -> Locale.ENGLISH;
                    case "getLocales" -> Collections.enumeration(List.of(Locale.ENGLISH));
                    case "getHeader" -> "Accept-Language".equalsIgnoreCase((String) args[0]) ? "en" : null;
                    default -> null;
                });
    }

    @Test
    void french_by_default_even_when_the_browser_asks_for_english() {
        assertEquals(Locale.FRENCH, LanguageViewHandler.localeOf(englishBrowser()));
        assertEquals(Locale.FRENCH, LanguageViewHandler.localeOf(englishBrowser(new Cookie("other", "en"))));
    }

    @Test
    void english_when_the_user_chose_it() {
        assertEquals(Locale.ENGLISH, LanguageViewHandler.localeOf(englishBrowser(new Cookie(LanguageBean.COOKIE, "en"))));
    }

    @Test
    void french_outside_an_http_request() {
        assertEquals(Locale.FRENCH, LanguageViewHandler.localeOf(null));
    }

    @Test
    void faces_uses_it() throws IOException {
        String config = Files.readString(Path.of("src/main/webapp/WEB-INF/faces-config.xml"), StandardCharsets.UTF_8);
        assertTrue(config.contains("<view-handler>" + LanguageViewHandler.class.getName() + "</view-handler>"),
                "faces-config.xml registers the view handler");
    }
}
