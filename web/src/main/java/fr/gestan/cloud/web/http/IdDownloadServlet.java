package fr.gestan.cloud.web.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** A {@link DownloadServlet} whose key is a row's id: up to 18 digits, read as a {@code long}. */
public abstract class IdDownloadServlet extends DownloadServlet {

    private static final long serialVersionUID = 1L;

    @SafeVarargs
    protected IdDownloadServlet(String parameter, Class<? extends Exception>... missing) {
        super(parameter, "\\d{1,18}", missing);
    }

    /** Writes the file of row {@code id} with {@link Attachment}'s headers. */
    protected abstract void send(long id, HttpServletRequest request, HttpServletResponse response) throws Exception;

    @Override
    protected final void send(String key, HttpServletRequest request, HttpServletResponse response) throws Exception {
        send(Long.parseLong(key), request, response);
    }
}
