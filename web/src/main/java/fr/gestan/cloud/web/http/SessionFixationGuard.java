package fr.gestan.cloud.web.http;

import io.undertow.server.HttpServerExchange;
import io.undertow.servlet.ServletExtension;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.servlet.handlers.ServletRequestContext;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpSession;

/**
 * Gives the browser a new session id when it comes back from Keycloak's sign-in, before the OIDC client stores the
 * signed-in account in the session.
 *
 * <p>Why this is needed: Elytron changes the session id only for mechanisms that keep the identity in its identity
 * cache ({@code HttpAuthenticator}'s cache calls {@code HttpScope.changeID()}, ELY-1945). The OIDC mechanism of
 * WildFly 39 (wildfly-elytron-http-oidc 2.8) keeps its account in the session itself
 * ({@code OidcSessionTokenStore.saveAccountInfo}) and never changes the id: its {@code turn-off-change-session-id-on-login}
 * setting is read but used nowhere. So a session id planted before sign-in (over plain HTTP, a sibling site...)
 * became the victim's signed-in session. This wrapper runs before authentication on the redirect back from
 * Keycloak (a request carrying {@code code} and {@code state}) and renames an existing session: the account is then
 * saved under an id the attacker does not know, sent in that response's cookie.
 */
public class SessionFixationGuard implements ServletExtension {

    @Override
    public void handleDeployment(DeploymentInfo deployment, ServletContext context) {
        deployment.addOuterHandlerChainWrapper(next -> exchange -> {
            renewOnSignInCallback(exchange);
            next.handleRequest(exchange);
        });
    }

    static void renewOnSignInCallback(HttpServerExchange exchange) {
        if (!exchange.getQueryParameters().containsKey("code") || !exchange.getQueryParameters().containsKey("state")) {
            return;
        }
        ServletRequestContext servlet = exchange.getAttachment(ServletRequestContext.ATTACHMENT_KEY);
        if (servlet == null) {
            return;
        }
        HttpSession existing = servlet.getOriginalRequest().getSession(false);
        if (existing != null) {
            servlet.getOriginalRequest().changeSessionId();
        }
    }
}
