package fr.gestan.cloud.it.browser;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * A test-only page of a test deployment under {@code /it/}: a GET does what its parameters ask and answers plain text;
 * any failure is a 500 (an {@link IOException} around it), which fails the calling test.
 */
public abstract class FixtureServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** Does what {@code request} asks; returns the text to answer. */
    protected abstract String answer(HttpServletRequest request) throws Exception;

    @Override
    protected final void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String answer;
        try {
            answer = answer(request);
        } catch (Exception e) {
            throw new IOException(e);
        }
        response.setContentType("text/plain");
        response.getWriter().write(answer);
    }
}
