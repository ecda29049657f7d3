package fr.gestan.cloud.hosting.internal;

import fr.gestan.cloud.common.persistence.GeneratedId;
import fr.gestan.cloud.hosting.api.IncidentState;
import fr.gestan.cloud.hosting.api.IncidentUpdateView;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** One public update of an incident, written by staff. */
@Entity
// the board shows an incident's updates, and one that keeps the state leaves the incident's own row unchanged
@jakarta.persistence.EntityListeners(StatusBoardCache.Listener.class)
@Table(name = "status_incident_update")
public class IncidentUpdate extends GeneratedId {

    @ManyToOne(optional = false)
    private Incident incident;
    @Enumerated(EnumType.STRING)
    private IncidentState state;
    private String message;
    private Instant postedAt;
    private String author;

    protected IncidentUpdate() {
    }

    IncidentUpdate(Incident incident, IncidentState state, String message, String author, Instant postedAt) {
        this.incident = incident;
        this.state = state;
        this.message = Checks.required(message, "message");
        this.author = Checks.required(author, "author");
        this.postedAt = postedAt;
    }

    void backdate(Instant at) {
        this.postedAt = at;
    }

    Instant postedAt() {
        return postedAt;
    }

    IncidentUpdateView toView() {
        return new IncidentUpdateView(state, message, postedAt);
    }
}
