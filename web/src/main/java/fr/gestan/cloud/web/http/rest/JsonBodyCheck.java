package fr.gestan.cloud.web.http.rest;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Around the reading of every request body: a body that cannot be read becomes a 400 problem naming the field
 * (JSON-B names it for a wrong type, not for an unknown enum value: then the field holding that value is looked up
 * in the body itself), and a body holding a NUL character (U+0000) anywhere is refused, naming the field
 * ({@link NulCharacterCheck}): PostgreSQL cannot store it, and it used to end as a 500 at the commit.
 */
@Provider
public class JsonBodyCheck implements ReaderInterceptor {

    private static final Pattern UNKNOWN_ENUM = Pattern.compile("No enum constant [\\w.$]+\\.([^.\\s]{1,100})$");

    @Context
    HttpHeaders headers;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        MediaType type = context.getMediaType();
        boolean json = type != null && ("json".equals(type.getSubtype()) || type.getSubtype().endsWith("+json"));
        String charset = type == null ? null : type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (charset != null && !supported(charset)) {
            // JSON-B would silently read it as UTF-8 (or fail with a 500): say what is wrong instead.
            throw new WebApplicationException(Problems.response(headers, 415, "unsupported-charset", "detail.unsupported-charset", null));
        }
        byte[] body = null;
        if (json) {
            body = context.getInputStream().readAllBytes();
            context.setInputStream(new ByteArrayInputStream(body));
        }
        Object entity;
        try {
            entity = context.proceed();
        } catch (RuntimeException | StackOverflowError e) {
            MalformedInput malformed = MalformedInput.of(e);
            if (malformed == null) {
                throw e;
            }
            String field = malformed.field() != null || body == null ? malformed.field() : enumField(e, body);
            throw new WebApplicationException(e, field == null
                    ? Problems.response(headers, malformed.status(), malformed.code(), malformed.detailKey(), null)
                    : Problems.response(headers, 400, "malformed-json", "detail.malformed-field", field));
        }
        String field = NulCharacterCheck.find(entity, "", 0);
        if (field != null) {
            throw new WebApplicationException(Problems.response(headers, 400, "nul-character", "detail.nul-character",
                    field.isEmpty() ? "body" : field));
        }
        return entity;
    }

    private static boolean supported(String charset) {
        try {
            return java.nio.charset.Charset.isSupported(charset.strip().replace("\"", ""));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Where the body holds the unknown enum value the parser refused, e.g. {@code dataKinds}; null if unknown. */
    static String enumField(Throwable error, byte[] body) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            Matcher m = UNKNOWN_ENUM.matcher(String.valueOf(t.getMessage()));
            if (m.find()) {
                try (JsonReader reader = Json.createReader(new StringReader(new String(body, StandardCharsets.UTF_8)))) {
                    return pathOf(reader.readValue(), m.group(1), "", 0);
                } catch (RuntimeException unreadable) {
                    return null;
                }
            }
        }
        return null;
    }

    private static String pathOf(JsonValue value, String wanted, String path, int depth) {
        if (depth > 50) {
            return null;
        }
        if (value instanceof JsonString s) {
            return s.getString().equals(wanted) ? path : null;
        }
        if (value instanceof JsonObject o) {
            for (Map.Entry<String, JsonValue> e : o.entrySet()) {
                String found = pathOf(e.getValue(), wanted, path.isEmpty() ? e.getKey() : path + "." + e.getKey(), depth + 1);
                if (found != null) {
                    return found;
                }
            }
        }
        if (value instanceof JsonArray a) {
            // The array's field is named, not the element: "dataKinds", as Bean Validation names it.
            for (JsonValue item : a) {
                String found = pathOf(item, wanted, path, depth + 1);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
