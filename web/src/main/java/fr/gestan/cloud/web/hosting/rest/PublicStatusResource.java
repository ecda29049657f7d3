package fr.gestan.cloud.web.hosting.rest;

import static fr.gestan.cloud.common.MarkupText.escape;

import fr.gestan.cloud.hosting.api.IncidentUpdateView;
import fr.gestan.cloud.hosting.api.IncidentView;
import fr.gestan.cloud.hosting.api.PublicStatusBoard;
import fr.gestan.cloud.hosting.api.PublicStatusView;
import fr.gestan.cloud.hosting.api.ServerStatus;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;

/**
 * The public server status for integrations, without sign-in: JSON ({@code GET /api/v1/public/status}) and an
 * Atom feed of the latest incidents ({@code GET /api/v1/public/status/feed.atom}).
 */
@Path("/public/status")
@RequestScoped
public class PublicStatusResource {

    static final String ATOM = "application/atom+xml";

    @EJB
    ServerStatus status;
    @EJB
    PublicStatusBoard board; // the same board for every caller of the next seconds

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public PublicStatusView current() {
        return board.current();
    }

    @GET
    @Path("/feed.atom")
    @Produces(ATOM + ";charset=UTF-8")
    public String feed(@Context UriInfo uri) {
        List<IncidentView> incidents = status.latestIncidents(25);
        String base = uri.getBaseUri().resolve("../../").toString();
        Instant updated = incidents.stream().flatMap(i -> i.updates().stream()).map(IncidentUpdateView::postedAt)
                .max(Instant::compareTo).orElse(Instant.EPOCH);
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"fr\">\n")
                .append("  <id>").append(escape(base)).append("status</id>\n")
                .append("  <title>Gestan Cloud – état des serveurs</title>\n")
                .append("  <updated>").append(updated).append("</updated>\n")
                .append("  <link rel=\"alternate\" type=\"text/html\" href=\"").append(escape(base)).append("status\"/>\n")
                .append("  <link rel=\"self\" href=\"").append(escape(uri.getRequestUri().toString())).append("\"/>\n")
                .append("  <author><name>Gestan Cloud</name></author>\n");
        for (IncidentView incident : incidents) {
            Instant last = incident.updates().isEmpty() ? incident.startedAt() : incident.updates().get(0).postedAt();
            xml.append("  <entry>\n")
                    .append("    <id>").append(escape(base)).append("status/incidents/").append(incident.id()).append("</id>\n")
                    .append("    <title>").append(escape("[" + incident.state() + "] " + incident.title())).append("</title>\n")
                    .append("    <published>").append(incident.startedAt()).append("</published>\n")
                    .append("    <updated>").append(last).append("</updated>\n")
                    .append("    <link rel=\"alternate\" type=\"text/html\" href=\"").append(escape(base)).append("status\"/>\n")
                    .append("    <content type=\"html\">");
            StringBuilder html = new StringBuilder("<p>Impact : " + incident.impact() + " · " + String.join(", ", incident.servers()) + "</p><ul>");
            for (IncidentUpdateView update : incident.updates()) {
                html.append("<li><strong>").append(update.state()).append("</strong> (").append(update.postedAt()).append(") ")
                        .append(escape(update.message())).append("</li>");
            }
            html.append("</ul>");
            xml.append(escape(html.toString())).append("</content>\n  </entry>\n");
        }
        return xml.append("</feed>\n").toString();
    }
}
