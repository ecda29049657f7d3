package fr.gestan.cloud.web.notifications.rest;

import fr.gestan.cloud.notifications.api.SubscriptionRefusedException;
import fr.gestan.cloud.web.http.rest.LocalizedMapper;
import fr.gestan.cloud.web.http.rest.Problems;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;

/**
 * A refused subscription action: an unknown or expired link is a 404 page (the links are opened in a browser), a bad
 * webhook address or scope a 400 problem naming the field.
 */
@Provider
public class SubscriptionRefusedMapper extends LocalizedMapper<SubscriptionRefusedException> {

    @Override
    protected Response toResponse(SubscriptionRefusedException e, HttpHeaders headers) {
        String reason = e.reason().name().toLowerCase(Locale.ROOT).replace('_', '-');
        return switch (e.reason()) {
            case UNKNOWN_LINK, EXPIRED_LINK -> Response.status(e.reason() == SubscriptionRefusedException.Reason.EXPIRED_LINK ? 410 : 404)
                    .type(MediaType.TEXT_HTML + ";charset=UTF-8").header("Cache-Control", "no-store")
                    .entity(StatusSubscriptionsResource.html("refused.title", "refused." + reason, null, null, null)).build();
            case NOT_FOUND -> Problems.response(headers, 404, "not-found", "detail.subscription." + reason, e.field());
            default -> Problems.response(headers, 400, "subscription-" + reason, "detail.subscription." + reason, e.field());
        };
    }
}
