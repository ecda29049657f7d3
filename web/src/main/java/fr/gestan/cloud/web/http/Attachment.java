package fr.gestan.cloud.web.http;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A file sent as a download: its type, the name the browser saves it under, no content sniffing, and no caching
 * (the documents are personal, signed or confidential). The file names are chosen by the server, never by the caller.
 * The same headers for a servlet's download and a REST resource's.
 */
public final class Attachment {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._-]+");

    private Attachment() {
    }

    private static Map<String, String> headers(String fileName) {
        return Map.of("X-Content-Type-Options", "nosniff", "Cache-Control", "no-store", "Content-Disposition", disposition(fileName));
    }

    /**
     * RFC 6266: a plain name (letters, digits, {@code . _ -}) as it is; any other name as an ASCII stand-in for old
     * clients and, exactly, in {@code filename*} (UTF-8, percent-encoded as RFC 8187 says).
     */
    static String disposition(String fileName) {
        if (PLAIN.matcher(fileName).matches()) {
            return "attachment; filename=\"" + fileName + "\"";
        }
        StringBuilder encoded = new StringBuilder();
        for (byte b : fileName.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "!#$&+-.^_`|~".indexOf(c) >= 0)) {
                encoded.append(c);
            } else {
                encoded.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xff));
            }
        }
        return "attachment; filename=\"" + fileName.replaceAll("[^A-Za-z0-9._-]", "_") + "\"; filename*=UTF-8''" + encoded;
    }

    /** The headers only, for content streamed afterwards. */
    public static void headers(HttpServletResponse response, String contentType, String fileName) {
        response.setContentType(contentType);
        headers(fileName).forEach(response::setHeader);
    }

    /** A REST resource's download: {@code entity} (bytes, or a {@code StreamingOutput}) with the same headers. */
    public static Response response(Object entity, String contentType, String fileName) {
        Response.ResponseBuilder answer = Response.ok(entity, contentType);
        headers(fileName).forEach(answer::header);
        return answer.build();
    }

    /** Headers, length and content in one go. */
    public static void send(HttpServletResponse response, String contentType, String fileName, byte[] content) throws IOException {
        headers(response, contentType, fileName);
        response.setContentLength(content.length);
        response.getOutputStream().write(content);
    }
}
