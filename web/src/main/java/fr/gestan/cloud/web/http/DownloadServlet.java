package fr.gestan.cloud.web.http;

import jakarta.ejb.EJBAccessException;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A file download named by one request parameter, with one answer per failure for every download: a malformed key
 * is 400, a refused role 403 (the EJB layer decides), a missing file (one of the module's "not found" exceptions, or
 * another tenant's file, which the service reports the same way) 404, never a 500.
 */
public abstract class DownloadServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final String parameter;
    private final Pattern format;
    private final List<Class<? extends Exception>> missing;

    @SafeVarargs
    protected DownloadServlet(String parameter, String format, Class<? extends Exception>... missing) {
        this.parameter = parameter;
        this.format = Pattern.compile(format);
        this.missing = List.of(missing);
    }

    /** Writes the file named by {@code key} (already well-formed) with {@link Attachment}'s headers. */
    protected abstract void send(String key, HttpServletRequest request, HttpServletResponse response) throws Exception;

    @Override
    protected final void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        String key = request.getParameter(parameter);
        if (key == null || !format.matcher(key).matches()) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        try {
            send(key, request, response);
        } catch (EJBAccessException e) {
            refuse(response, HttpServletResponse.SC_FORBIDDEN);
        } catch (IOException | RuntimeException e) {
            if (!isMissing(e)) {
                throw e;
            }
            refuse(response, HttpServletResponse.SC_NOT_FOUND);
        } catch (Exception e) {
            if (!isMissing(e)) {
                throw new ServletException(e);
            }
            refuse(response, HttpServletResponse.SC_NOT_FOUND);
        }
    }

    /** For a download that finds nothing without an exception. */
    protected static void notFound(HttpServletResponse response) throws IOException {
        refuse(response, HttpServletResponse.SC_NOT_FOUND);
    }

    private boolean isMissing(Exception e) {
        return missing.stream().anyMatch(type -> type.isInstance(e));
    }

    private static void refuse(HttpServletResponse response, int status) throws IOException {
        // A streamed download may fail once its headers are out: the error replaces them only while it can.
        if (!response.isCommitted()) {
            response.reset();
            response.sendError(status);
        }
    }
}
