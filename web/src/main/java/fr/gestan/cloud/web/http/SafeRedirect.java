package fr.gestan.cloud.web.http;

/** Keeps redirects inside this application: only a local absolute path is followed, anything else goes home. */
public final class SafeRedirect {

    private SafeRedirect() {
    }

    /**
     * {@code next} if it is a path of this application ({@code /...}, not {@code //host} nor {@code /\host}, no
     * line breaks, no scheme), else the home page.
     */
    public static String localPath(String contextPath, String next) {
        String home = contextPath + "/";
        if (next == null || next.isEmpty() || next.length() > 2000) {
            return home;
        }
        if (!next.startsWith(contextPath + "/") || next.startsWith("//") || next.startsWith("/\\")) {
            return home;
        }
        for (int i = 0; i < next.length(); i++) {
            char c = next.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\\') {
                return home;
            }
        }
        return next;
    }
}
