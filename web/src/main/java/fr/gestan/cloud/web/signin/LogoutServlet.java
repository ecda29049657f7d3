package fr.gestan.cloud.web.signin;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.wildfly.security.http.oidc.OidcSecurityContext;

/**
 * Ends both sessions: the application's, then Keycloak's (WildFly's OIDC client has no logout setting, so we
 * redirect to the realm's end-session endpoint with the ID token as a hint), and comes back to the home page.
 * POST only, so that a link or an image elsewhere cannot sign a user out.
 */
@WebServlet("/logout")
public class LogoutServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        OidcSecurityContext oidc = (OidcSecurityContext) request.getAttribute(OidcSecurityContext.class.getName());
        String home = request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort()
                + request.getContextPath() + "/";
        request.logout();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        if (oidc == null || oidc.getIDTokenString() == null) {
            response.sendRedirect(home);
            return;
        }
        String issuer = oidc.getIDToken().getIssuer();
        String endSession = issuer + "/protocol/openid-connect/logout"
                + "?client_id=" + encode(oidc.getIDToken().getAudience().get(0))
                + "&post_logout_redirect_uri=" + encode(home)
                + "&id_token_hint=" + encode(oidc.getIDTokenString());
        response.sendRedirect(endSession);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
