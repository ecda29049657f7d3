package fr.gestan.cloud.web.notifications.rest;

import static fr.gestan.cloud.common.MarkupText.escape;

import fr.gestan.cloud.notifications.api.StatusSubscriptions;
import fr.gestan.cloud.notifications.api.SubscriptionRefusedException;
import fr.gestan.cloud.notifications.api.SubscriptionScope;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Public status subscriptions by e-mail, without sign-in ({@code /api/v1/public/status/subscriptions}):
 * <ul>
 * <li>{@code POST} JSON {@code {"email", "scope": "ALL|DATA_CENTRE|SERVER", "scopeRef"}}: 202, a confirmation link is
 * e-mailed (once while it is valid); a bad address is a 400 naming the field; a flood from one address a 429
 * ({@code RateLimitFilter}, scope {@code subscribe});</li>
 * <li>the same with {@code "webhookUrl"} instead of {@code "email"}: a webhook subscription, confirmed by the signed
 * {@code subscription.confirmation} event sent to it (its receiver POSTs the {@code token} to {@code confirmUrl}); the
 * answer carries the signing {@code secret} once, when a confirmation goes out;</li>
 * <li>{@code GET /confirm?token=} and {@code GET /unsubscribe?token=}: a small page with a button (links in e-mails
 * are opened by scanners: only a POST acts);</li>
 * <li>{@code POST /confirm} (form {@code token}) and {@code POST /unsubscribe?token=} (the RFC 8058 one-click POST,
 * body {@code List-Unsubscribe=One-Click}, or the page's form).</li>
 * </ul>
 * The pages are in French, then English, like the e-mails.
 */
@Path("/public/status/subscriptions")
@RequestScoped
public class StatusSubscriptionsResource {

    static final String BUNDLE = "fr.gestan.cloud.web.notifications";

    /** The JSON body of a subscription. */
    public record SubscribeRequest(String email, String webhookUrl, SubscriptionScope scope, String scopeRef) {
    }

    @EJB
    StatusSubscriptions subscriptions;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response subscribe(SubscribeRequest request) {
        SubscribeRequest body = request == null ? new SubscribeRequest(null, null, null, null) : request;
        SubscriptionScope scope = body.scope() == null ? SubscriptionScope.ALL : body.scope();
        String secret = null;
        if (body.webhookUrl() != null && body.email() == null) {
            secret = subscriptions.subscribeWebhookPublicly(body.webhookUrl(), scope, body.scopeRef());
        } else {
            subscriptions.subscribeByEmail(body.email(), scope, body.scopeRef());
        }
        // a webhook's signing secret is in this response only
        String json = secret == null ? "{\"status\":\"confirmation-sent\"}"
                : "{\"status\":\"confirmation-sent\",\"secret\":\"" + secret + "\"}";
        return Response.accepted().header("Cache-Control", "no-store").entity(json).build();
    }

    @GET
    @Path("/confirm")
    @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
    public Response confirmPage(@QueryParam("token") String token) {
        return page("confirm.title", "confirm.text", "confirm", token, "confirm.button");
    }

    @POST
    @Path("/confirm")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
    public Response confirm(@FormParam("token") String token) {
        String unsubscribe = subscriptions.confirm(token == null ? "" : token);
        // the page offers the way out at once (the same one-click link as in every message)
        return page("confirmed.title", "confirmed.text", "unsubscribe", unsubscribe, "unsubscribe.button");
    }

    @GET
    @Path("/unsubscribe")
    @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
    public Response unsubscribePage(@QueryParam("token") String token) {
        return page("unsubscribe.title", "unsubscribe.text", "unsubscribe", token, "unsubscribe.button");
    }

    /** RFC 8058 one-click: the mail client POSTs {@code List-Unsubscribe=One-Click} to the link itself. */
    @POST
    @Path("/unsubscribe")
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA, MediaType.TEXT_PLAIN, MediaType.WILDCARD})
    @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
    public Response unsubscribe(@QueryParam("token") String token) {
        subscriptions.unsubscribe(token == null ? "" : token);
        return page("unsubscribed.title", "unsubscribed.text", null, null, null);
    }

    /** A bilingual page; with {@code action}, a form posting the token there. */
    static Response page(String titleKey, String textKey, String action, String token, String buttonKey) {
        return Response.ok(html(titleKey, textKey, action, token, buttonKey)).header("Cache-Control", "no-store").build();
    }

    static String html(String titleKey, String textKey, String action, String token, String buttonKey) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"UTF-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width\"><title>")
                .append(escape(text(Locale.FRENCH, titleKey))).append("</title></head><body>");
        for (Locale language : List.of(Locale.FRENCH, Locale.ENGLISH)) {
            html.append("<section lang=\"").append(language.getLanguage()).append("\"><h1>").append(escape(text(language, titleKey)))
                    .append("</h1><p>").append(escape(text(language, textKey))).append("</p>");
            if (action != null) {
                String target = "unsubscribe".equals(action) ? action + "?token=" + java.net.URLEncoder.encode(token == null ? "" : token,
                        java.nio.charset.StandardCharsets.UTF_8) : action;
                html.append("<form method=\"post\" action=\"").append(escape(target)).append("\">")
                        .append("<input type=\"hidden\" name=\"token\" value=\"").append(escape(token == null ? "" : token)).append("\">")
                        .append("<button type=\"submit\">").append(escape(text(language, buttonKey))).append("</button></form>");
            }
            html.append("</section>");
        }
        return html.append("<p><a href=\"/status\">/status</a></p></body></html>").toString();
    }

    static String text(Locale language, String key) {
        return ResourceBundle.getBundle(BUNDLE, language, StatusSubscriptionsResource.class.getClassLoader()).getString(key);
    }
}
