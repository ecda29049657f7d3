package fr.gestan.cloud.web.http;

import io.undertow.server.HttpServerExchange;
import io.undertow.servlet.ServletExtension;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.servlet.handlers.ServletRequestContext;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
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
            ServletRequestContext servlet = exchange.getAttachment(ServletRequestContext.ATTACHMENT_KEY);
            HttpServletRequest request = (HttpServletRequest) servlet.getServletRequest();
            HttpServletResponse response = (HttpServletResponse) servlet.getServletResponse();
            request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 503);
            request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, request.getRequestURI());
            request.setAttribute("gestan.unavailable", "sign-in");
            request.getRequestDispatcher("/error-dispatch").forward(request, response);
            exchange.endExchange();
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
