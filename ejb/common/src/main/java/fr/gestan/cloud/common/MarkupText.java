package fr.gestan.cloud.common;

/**
 * The one escape of text written by hand into HTML or XML (the status page's bars, the Atom feed, the subscription
 * pages, HTML e-mails): {@code & < > " '} become entities, so that a value is safe in element content and in a
 * quoted attribute alike.
 */
public final class MarkupText {

    private MarkupText() {
    }

    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A value as an EL expression writes it in text: nothing for null, else its text escaped. */
    public static String text(Object value) {
        return value == null ? "" : escape(value.toString());
    }
}
