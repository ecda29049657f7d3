package fr.gestan.cloud.common.log;

/**
 * Values a client sent, made fit for a log line: at most {@link #MAX} characters (a 1 MB value must not become
 * 1 MB of log), and every control character (CR, LF, ESC...) escaped as a backslash-u hex code, so that a value can neither
 * start a forged log line nor send terminal escape sequences to whoever reads the log.
 */
public final class LogSafe {

    public static final int MAX = 200;

    private LogSafe() {
    }

    public static String text(Object value) {
        return text(value, MAX);
    }

    public static String text(Object value, int max) {
        if (value == null) {
            return "null";
        }
        String s = String.valueOf(value);
        StringBuilder out = new StringBuilder(Math.min(s.length(), max) + 16);
        int i = 0;
        for (; i < s.length() && out.length() < max; i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        if (i < s.length()) {
            out.append("…(").append(s.length()).append(" chars)");
        }
        return out.toString();
    }

    /**
     * An exception for a log line of its own: each cause's class and escaped, truncated message, and at most
     * {@code frames} stack frames of each, so that a genuine server error stays diagnosable without letting a
     * client's value (often quoted in messages) forge lines or fill the disk.
     */
    public static String trace(Throwable error, int frames) {
        StringBuilder out = new StringBuilder();
        int depth = 0;
        for (Throwable t = error; t != null && depth < 10; t = t.getCause() == t ? null : t.getCause(), depth++) {
            out.append(depth == 0 ? "" : "\n  caused by ").append(t.getClass().getName()).append(": ").append(text(t.getMessage()));
            StackTraceElement[] stack = t.getStackTrace();
            for (int i = 0; i < Math.min(frames, stack.length); i++) {
                out.append("\n    at ").append(stack[i]);
            }
        }
        return out.toString();
    }
}
