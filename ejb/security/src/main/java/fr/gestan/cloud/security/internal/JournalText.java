package fr.gestan.cloud.security.internal;

/**
 * Neutralises values before they enter the journal, so that no value can forge another entry or line
 * (log injection): control characters, line and paragraph separators become visible escapes.
 */
final class JournalText {

    private JournalText() {
    }

    static String clean(String value, int maxLength) {
        if (value == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(Math.min(value.length(), maxLength));
        value.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp) || cp == 0x2028 || cp == 0x2029) {
                out.append(String.format("\\u%04x", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        if (out.length() > maxLength) {
            return out.substring(0, maxLength - 1) + "…";
        }
        return out.toString();
    }
}
