package fr.gestan.cloud.web.http;

import fr.gestan.cloud.common.DemoMode;
import fr.gestan.cloud.common.NodeName;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Names the node that answered, in the header {@value #HEADER}, for diagnosis behind a load balancer (which node
 * served this page, did the session move). Outside production only: on in demo mode, or when
 * {@value #PROPERTY}{@code =true}; {@code false} turns it off in demo mode too. Production does not tell the
 * internet its servers' names.
 */
@WebFilter(urlPatterns = "/*", dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.FORWARD, DispatcherType.ERROR},
        asyncSupported = true)
public class NodeHeaderFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    static final String HEADER = "X-Gestan-Node";
    static final String PROPERTY = "gestan.node.header";

    private final boolean shown = shown(System.getProperty(PROPERTY), DemoMode.enabled());

    static boolean shown(String setting, boolean demo) {
        return setting == null || setting.isBlank() ? demo : Boolean.parseBoolean(setting.strip());
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (shown) {
            response.setHeader(HEADER, NodeName.current());
        }
        chain.doFilter(request, response);
    }
}
