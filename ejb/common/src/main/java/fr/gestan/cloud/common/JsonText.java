package fr.gestan.cloud.common;

/**
 * The one JSON string literal written by hand: for the JSON the modules write without a JSON-P implementation (the
 * data exports, webhook bodies, problem documents, which also run in plain unit tests). Quotes and backslashes are
 * escaped, newline, carriage return and tab by their short escapes, every other control character and the two
 * JavaScript line separators (U+2028, U+2029) as backslash-u hex codes.
 */
public final class JsonText {

    private JsonText() {
    }

    /** {@code value} as a JSON string ({@code toString()} of it), or the literal {@code null}. */
    public static String quote(Object value) {
        if (value == null) {
            return "null";
        }
        String s = value.toString();
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
