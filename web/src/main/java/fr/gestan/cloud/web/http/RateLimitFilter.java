package fr.gestan.cloud.web.http;

import fr.gestan.cloud.security.api.RateLimiter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;

/**
 * Rate-limits public endpoints that accept guesses, per client address: certificate verification (the page's
 * form posts, and public REST paths under {@code /api/v1/public/} that name certificates or verification; the
 * server status API is not limited). Over the limit the answer is HTTP 429 with {@code Retry-After}. Limits:
 * system properties {@code gestan.ratelimit.burst} (default 20) and {@code gestan.ratelimit.per-minute} (default 30).
 * Page views (GET of the page itself) are not limited; each verification is a POST, a GET with {@code ?number=}
 * (the QR code's link) or an API call.
 */
// "/verify": the extensionless address, where the page posts its forms when it was opened as /verify (QR code links)
@WebFilter(urlPatterns = {"/verify.xhtml", "/verify", "/api/v1/public/*"}, asyncSupported = true)
public class RateLimitFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    private final transient RateLimiter limiter = new RateLimiter(Integer.getInteger("gestan.ratelimit.burst", 20),
            Integer.getInteger("gestan.ratelimit.per-minute", 30), 100_000, Clock.systemUTC());

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String uri = request.getRequestURI();
        boolean guessing = uri.contains("/api/v1/public/") ? uri.contains("/certificates") || uri.contains("/verif")
                : "POST".equals(request.getMethod()) || request.getParameter("number") != null; // the QR code's link checks at once
        if (guessing) {
            RateLimiter.Decision decision = limiter.acquire(request.getRemoteAddr());
            if (!decision.allowed()) {
                response.setStatus(429);
                response.setHeader("Retry-After", Long.toString(decision.retryAfterSeconds()));
                response.setContentType("text/plain; charset=UTF-8");
                response.getWriter().write("Too many requests: retry in " + decision.retryAfterSeconds() + " s\n");
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
