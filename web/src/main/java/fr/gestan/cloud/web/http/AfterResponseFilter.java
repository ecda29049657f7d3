package fr.gestan.cloud.web.http;

import fr.gestan.cloud.common.runs.AfterResponse;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Opens each request's {@link AfterResponse} scope: background work that a request dispatched with
 * {@link AfterResponse#run} (an export's build) starts once the response is complete, on this thread and with the
 * caller's identity. Only when such work was queued is the response completed here, by closing its output: the
 * container then sends what is buffered and ends the response, and the client has its answer before the work begins
 * (docs/performance.md). A request that failed, or answers asynchronously, is left to the container; its work still runs.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class AfterResponseFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        AfterResponse.Scope scope = AfterResponse.open();
        boolean answered = false;
        try {
            chain.doFilter(request, response);
            answered = !request.isAsyncStarted();
        } finally {
            scope.close(answered ? () -> complete(response) : null);
        }
    }

    /** Closes whichever output the request wrote to (a page's writer, a download's or the API's stream). */
    static void complete(HttpServletResponse response) throws IOException {
        try {
            response.getWriter().close();
        } catch (IllegalStateException streamInUse) {
            response.getOutputStream().close();
        }
    }
}
