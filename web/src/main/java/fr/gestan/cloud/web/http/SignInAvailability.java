package fr.gestan.cloud.web.http;

import io.undertow.server.HttpServerExchange;
import io.undertow.servlet.ServletExtension;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.servlet.handlers.ServletRequestContext;
import fr.gestan.cloud.web.http.rest.Problems;
import io.undertow.util.Headers;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpSession;

/**
 * Keycloak stopped: a visitor who is not signed in and opens a page that needs sign-in was sent to Keycloak's
 * address (nothing answers there) or refused with 403 "access denied". Before the OIDC layer runs, such a request
 * is answered 503 with {@code Retry-After} and the page "the sign-in service is momentarily unavailable"; public
 * pages, signed-in sessions and bearer calls are left alone (the error pages cover what the OIDC layer refuses).
 */
public class SignInAvailability implements ServletExtension {

    /** Where the OIDC client keeps the signed-in account (an HTTP session attribute of that name). */
    static final String OIDC_ACCOUNT = "org.wildfly.security.http.oidc.OidcAccount";

    @Override
    public void handleDeployment(DeploymentInfo deployment, ServletContext context) {
        deployment.addOuterHandlerChainWrapper(next -> exchange -> {
            if (!wouldSignIn(exchange) || SignInService.available()) {
                next.handleRequest(exchange);
                return;
            }
            // Answered here, before the security layer: no error page can run yet (it would ask for the caller's identity).
            java.util.Locale locale = Problems.locale(exchange.getRequestHeaders().getFirst(Headers.ACCEPT_LANGUAGE));
            String title = Problems.text(locale, "title.503");
            String text = Problems.text(locale, "detail.sign-in-unavailable");
            String home = Problems.text(locale, "link.home");
            exchange.setStatusCode(503);
            exchange.getResponseHeaders().put(Headers.RETRY_AFTER, String.valueOf(SignInService.RETRY_AFTER_SECONDS));
            exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/html;charset=UTF-8");
            exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
            exchange.getResponseHeaders().put(new io.undertow.util.HttpString("Content-Security-Policy"),
                    "default-src 'none'; style-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
            exchange.getResponseHeaders().put(new io.undertow.util.HttpString("X-Content-Type-Options"), "nosniff");
            exchange.getResponseSender().send("<!DOCTYPE html><html lang=\"" + locale.getLanguage() + "\"><head><meta charset=\"utf-8\">"
                    + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + title + "</title>"
                    + "<link rel=\"stylesheet\" href=\"/resources/css/gestan.css\"></head><body><main id=\"main\">"
                    + "<h1 id=\"error-title\" class=\"error-title\">" + title + "</h1><p>" + text + "</p>"
                    + "<p class=\"error-actions\"><a id=\"error-home\" class=\"button\" href=\"/\">" + home + "</a></p>"
                    + "</main></body></html>", java.nio.charset.StandardCharsets.UTF_8);
        });
    }

    /** A page under sign-in, without a token, without a signed-in session: the OIDC layer would go to Keycloak. */
    static boolean wouldSignIn(HttpServerExchange exchange) {
        String path = exchange.getRelativePath();
        if (!(path.startsWith("/portal") || path.startsWith("/admin") || path.equals("/signin"))
                || exchange.getRequestHeaders().contains("Authorization")) {
            return false;
        }
        ServletRequestContext servlet = exchange.getAttachment(ServletRequestContext.ATTACHMENT_KEY);
        if (servlet == null) {
            return false;
        }
        HttpSession session = servlet.getOriginalRequest().getSession(false);
        return session == null || session.getAttribute(OIDC_ACCOUNT) == null;
    }
}
