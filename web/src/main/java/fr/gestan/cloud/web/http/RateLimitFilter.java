package fr.gestan.cloud.web.http;

import fr.gestan.cloud.security.api.RateLimits;
import fr.gestan.cloud.web.http.rest.Problems;
import fr.gestan.cloud.web.i18n.LanguageBean;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Rate-limits, per client address, the public endpoints that accept guesses or unauthenticated writes, through the
 * security module's shared {@link RateLimits} (in the database: every node draws on one allowance):
 * <ul>
 * <li>{@code verify}: certificate verification, i.e. the page's form posts, its {@code GET ?number=} (the QR code's
 * link) and the public REST paths under {@code /api/v1/public/} that name certificates or verification; system
 * properties {@code gestan.ratelimit.burst} (default 20) and {@code gestan.ratelimit.per-minute} (default 30);</li>
 * <li>{@code ingest}: the monitoring agents' {@code POST /api/v1/public/servers/{id}/metrics} (a guessable token);
 * {@code gestan.ratelimit.ingest.burst} (default 120) and {@code gestan.ratelimit.ingest.per-minute} (default 120);</li>
 * <li>{@code subscribe}: public status subscriptions ({@code POST /api/v1/public/status/subscriptions}, each sends an
 * e-mail); {@code gestan.ratelimit.subscribe.burst} (default 5) and {@code gestan.ratelimit.subscribe.per-minute}
 * (default 5).</li>
 * </ul>
 * Over the limit: HTTP 429 with {@code Retry-After}, a problem+json body on the API, a short text elsewhere, in the
 * user's language. The server status API and page views are not limited.
 */
// "/verify": the extensionless address, where the page posts its forms when it was opened as /verify (QR code links)
@WebFilter(urlPatterns = {"/verify.xhtml", "/verify", "/status.xhtml", "/status", "/api/v1/public/*"}, asyncSupported = true)
public class RateLimitFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(RateLimitFilter.class.getName());

    /** What one limited endpoint allows per client address. */
    record Limit(String scope, int burst, int perMinute) {
    }

    static final Limit VERIFY = new Limit("verify", Integer.getInteger("gestan.ratelimit.burst", 20),
            Integer.getInteger("gestan.ratelimit.per-minute", 30));
    static final Limit INGEST = new Limit("ingest", Integer.getInteger("gestan.ratelimit.ingest.burst", 120),
            Integer.getInteger("gestan.ratelimit.ingest.per-minute", 120));

    static final Limit SUBSCRIBE = new Limit("subscribe", Integer.getInteger("gestan.ratelimit.subscribe.burst", 5),
            Integer.getInteger("gestan.ratelimit.subscribe.per-minute", 5));

    @EJB
    transient RateLimits limits;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Limit limit = limitOf(request.getRequestURI(), request.getMethod(), request.getParameter("number") != null);
        if (limit != null) {
            RateLimits.Decision decision;
            try {
                decision = limits.acquire(limit.scope(), request.getRemoteAddr(), limit.burst(), limit.perMinute());
            } catch (EJBException e) {
                // The shared limit lives in the database: without it the endpoint could not answer either.
                LOG.log(Level.WARNING, "Rate limit unavailable; request refused with 503", e);
                refuse(request, response, 503, 30, "ratelimit.unavailable.title", "ratelimit.unavailable.text");
                return;
            }
            if (!decision.allowed()) {
                refuse(request, response, 429, decision.retryAfterSeconds(), "ratelimit.refused.title", "ratelimit.refused.text");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** The limit that applies to a request, or null when it is not limited. */
    static Limit limitOf(String uri, String method, boolean hasNumber) {
        if (uri.contains("/api/v1/public/")) {
            if (uri.contains("/certificates") || uri.contains("/verif")) {
                return VERIFY;
            }
            if ("POST".equals(method) && uri.matches(".*/api/v1/public/status/subscriptions/?")) {
                return SUBSCRIBE;
            }
            return "POST".equals(method) && uri.matches(".*/api/v1/public/servers/[^/]+/metrics/?") ? INGEST : null;
        }
        if (uri.endsWith("/status") || uri.endsWith("/status.xhtml")) {
            return "POST".equals(method) ? SUBSCRIBE : null; // the status page's subscription form
        }
        return "POST".equals(method) || hasNumber ? VERIFY : null; // the QR code's link checks at once
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, int status, long retryAfter,
            String titleKey, String textKey) throws IOException {
        response.setStatus(status);
        response.setHeader("Retry-After", Long.toString(retryAfter));
        if (request.getRequestURI().contains("/api/")) {
            // The API's problem bodies (RFC 9457), in the caller's language (Accept-Language, French by default).
            Locale locale = Problems.locale(request.getHeader("Accept-Language"));
            response.setHeader("Content-Language", locale.getLanguage());
            response.setContentType(Problems.PROBLEM_JSON + "; charset=UTF-8");
            response.getWriter().write(status == 429
                    ? Problems.bodyWith(locale, 429, "rate-limited", "detail.rate-limited", "retryAfter", Long.toString(retryAfter))
                    : Problems.body(locale, status, "unavailable", "detail.unavailable", null));
            return;
        }
        Locale locale = LanguageBean.fromCookies(request.getCookies());
        ResourceBundle bundle = ResourceBundle.getBundle("fr.gestan.cloud.web.messages", locale);
        response.setHeader("Content-Language", locale.getLanguage());
        response.setContentType("text/plain; charset=UTF-8");
        response.getWriter().write(bundle.getString(titleKey) + "\n"
                + MessageFormat.format(bundle.getString(textKey), Long.toString(retryAfter)) + "\n");
    }
}
