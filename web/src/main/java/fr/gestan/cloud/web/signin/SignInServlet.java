package fr.gestan.cloud.web.signin;

import fr.gestan.cloud.common.Roles;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Protected by web.xml, so reaching it means signing in; then each audience goes to its home. */
@WebServlet("/signin")
public class SignInServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String home = request.isUserInRole(Roles.CLIENT) ? "/portal/" : "/admin/";
        response.sendRedirect(request.getContextPath() + home);
    }
}
