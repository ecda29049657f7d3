package fr.gestan.cloud.web.http.rest;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises a request the client got wrong inside an exception thrown while RESTEasy read it (JSON-B/Yasson,
 * JSON-P/Parsson or Jackson, a bogus charset, absurd nesting), and which field it concerns. The field is read from
 * the parsers' messages (Yasson: {@code property 'x'}; Jackson: {@code reference chain: ...["x"]}), which are
 * never shown to the client: they carry internal class names.
 */
public record MalformedInput(int status, String code, String detailKey, String field) {

    private static final Pattern YASSON_PROPERTY = Pattern.compile("property '([^']{1,100})'");
    private static final Pattern JACKSON_CHAIN = Pattern.compile("reference chain: (.*)\\)?$", Pattern.DOTALL);
    private static final Pattern JACKSON_STEP = Pattern.compile("\\[\"([^\"]{1,100})\"]|\\[(\\d+)]");
    private static final Pattern ARRAY_INTO_OBJECT = Pattern.compile("(?i)(JSON array|START_ARRAY|found JSON array|array into)");

    /** What the client got wrong, or null when the exception is not about the request's content. */
    public static MalformedInput of(Throwable error) {
        boolean json = false;
        boolean deep = false;
        boolean array = false;
        String field = null;
        int depth = 0;
        for (Throwable t = error; t != null && depth < 50; t = t.getCause() == t ? null : t.getCause(), depth++) {
            if (t instanceof UnsupportedCharsetException || t instanceof IllegalCharsetNameException) {
                return new MalformedInput(415, "unsupported-charset", "detail.unsupported-charset", null);
            }
            if (t instanceof CharacterCodingException) {
                return new MalformedInput(400, "malformed-json", "detail.malformed-json", null);
            }
            String message = t.getMessage() == null ? "" : t.getMessage();
            // Parsson refuses absurd nesting with a plain RuntimeException ("Input is too deeply nested 1,000").
            if (t instanceof StackOverflowError || message.startsWith("Input is too deeply nested")) {
                deep = true;
            }
            if (isJson(t.getClass())) {
                json = true;
                if (message.contains("nest") || message.contains("depth") || message.contains("Depth")) {
                    deep = true;
                }
            }
            if (field == null) {
                field = field(message);
            }
            if (ARRAY_INTO_OBJECT.matcher(message).find()) {
                array = true;
            }
        }
        if (deep) {
            return new MalformedInput(400, "too-deep", "detail.too-deep", null);
        }
        if (!json) {
            return null;
        }
        if (field != null) {
            return new MalformedInput(400, "malformed-json", "detail.malformed-field", field);
        }
        return array ? new MalformedInput(400, "not-an-object", "detail.not-an-object", null)
                : new MalformedInput(400, "malformed-json", "detail.malformed-json", null);
    }

    /** The field path the parser's message names ({@code address.city}, {@code dataKinds[0]}), or null. */
    static String field(String message) {
        Matcher chain = JACKSON_CHAIN.matcher(message);
        List<String> steps = new ArrayList<>();
        if (chain.find()) {
            Matcher step = JACKSON_STEP.matcher(chain.group(1));
            while (step.find()) {
                steps.add(step.group(1) != null ? step.group(1) : "[" + step.group(2) + "]");
            }
        } else {
            Matcher property = YASSON_PROPERTY.matcher(message);
            while (property.find()) {
                steps.add(property.group(1));
            }
        }
        if (steps.isEmpty()) {
            return null;
        }
        StringBuilder path = new StringBuilder();
        for (String s : steps) {
            if (!s.startsWith("[") && !path.isEmpty()) {
                path.append('.');
            }
            path.append(s);
        }
        // Only names a client could have written: never echo anything else of the message.
        return path.toString().matches("[\\p{L}\\p{N}_$.\\[\\]-]{1,200}") ? path.toString() : null;
    }

    private static boolean isJson(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            String name = c.getName();
            if (name.equals("jakarta.json.bind.JsonbException") || name.equals("jakarta.json.JsonException")
                    || name.startsWith("com.fasterxml.jackson.") || name.startsWith("org.eclipse.yasson.")) {
                return true;
            }
        }
        return false;
    }
}
