package fr.gestan.cloud.web.http.rest;

import static fr.gestan.cloud.common.JsonText.quote;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The API's error bodies. {@link #error}: the business answers, {@code {"status":…,"error":"<code>"}}, given by every
 * resource and mapper. The rest: RFC 9457 problem bodies ({@code application/problem+json}) for requests the
 * framework could not even hand to a resource (malformed bodies, plain HTTP, cross-origin writes, outages), in the
 * caller's language (French unless it asks for English), texts in
 * {@code fr/gestan/cloud/web/http/problems_fr|en.properties}; a problem never carries an exception's message or a
 * class name.
 */
public final class Problems {

    public static final String PROBLEM_JSON = "application/problem+json";
    static final String BUNDLE = "fr.gestan.cloud.web.http.problems";

    private Problems() {
    }

    /** {@code code} is a fixed, lower-case identifier chosen by the caller, never user input. */
    public static Response error(Response.Status status, String code) {
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity("{\"status\":" + status.getStatusCode() + ",\"error\":\"" + code + "\"}").build();
    }

    /** English when the caller's first acceptable language is English, French otherwise. */
    public static Locale locale(HttpHeaders headers) {
        try {
            return headers == null || headers.getAcceptableLanguages().isEmpty()
                    || !"en".equals(headers.getAcceptableLanguages().get(0).getLanguage()) ? Locale.FRENCH : Locale.ENGLISH;
        } catch (RuntimeException malformedHeader) {
            return Locale.FRENCH;
        }
    }

    /** Same, from a raw {@code Accept-Language} header (servlet filters). */
    public static Locale locale(String acceptLanguage) {
        return acceptLanguage != null && acceptLanguage.strip().toLowerCase(Locale.ROOT).startsWith("en") ? Locale.ENGLISH : Locale.FRENCH;
    }

    public static String text(Locale locale, String key, Object... args) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, Locale.ENGLISH.equals(locale) ? Locale.ENGLISH : Locale.FRENCH,
                Problems.class.getClassLoader());
        try {
            String pattern = bundle.getString(key);
            // Every text is a MessageFormat pattern (apostrophes doubled), with or without arguments.
            return new MessageFormat(pattern, locale).format(args);
        } catch (MissingResourceException e) {
            return key;
        }
    }

    /** The JSON text of a problem; {@code field} (may be null) names the offending field or parameter. */
    public static String body(Locale locale, int status, String code, String detailKey, String field) {
        StringBuilder json = start(locale, status, code, detailKey, field);
        if (field != null) {
            json.append(",\"field\":").append(quote(field)).append(",\"fields\":[{\"field\":").append(quote(field))
                    .append(",\"message\":").append(quote(text(locale, detailKey, field))).append("}]");
        }
        return json.append('}').toString();
    }

    /** A problem whose detail quotes {@code value}, also given as the member {@code member} (e.g. "https"). */
    public static String bodyWith(Locale locale, int status, String code, String detailKey, String member, String value) {
        return start(locale, status, code, detailKey, value).append(",").append(quote(member)).append(":").append(quote(value))
                .append('}').toString();
    }

    private static StringBuilder start(Locale locale, int status, String code, String detailKey, String argument) {
        return new StringBuilder("{\"type\":").append(quote("urn:gestan:problem:" + code))
                .append(",\"title\":").append(quote(title(locale, status)))
                .append(",\"status\":").append(status)
                .append(",\"detail\":").append(quote(text(locale, detailKey, argument == null ? "" : argument)));
    }

    public static Response response(HttpHeaders headers, int status, String code, String detailKey, String field) {
        return Response.status(status).type(PROBLEM_JSON).header("Cache-Control", "no-store")
                .entity(body(locale(headers), status, code, detailKey, field)).build();
    }

    static String title(Locale locale, int status) {
        return text(locale, List.of(400, 401, 403, 404, 405, 406, 415, 429, 500, 503).contains(status) ? "title." + status : "title.other");
    }
}
