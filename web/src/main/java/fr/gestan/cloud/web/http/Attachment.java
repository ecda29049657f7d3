package fr.gestan.cloud.web.http;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * A file sent as a download: its type, the name the browser saves it under, no content sniffing, and no caching
 * (the documents are personal, signed or confidential). The file names are chosen by the server, never by the caller.
 */
public final class Attachment {

    private Attachment() {
    }

    /** The headers only, for content streamed afterwards. */
    public static void headers(HttpServletResponse response, String contentType, String fileName) {
        response.setContentType(contentType);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
    }

    /** Headers, length and content in one go. */
    public static void send(HttpServletResponse response, String contentType, String fileName, byte[] content) throws IOException {
        headers(response, contentType, fileName);
        response.setContentLength(content.length);
        response.getOutputStream().write(content);
    }
}
