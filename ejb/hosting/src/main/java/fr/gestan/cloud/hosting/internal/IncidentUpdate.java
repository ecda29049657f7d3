package fr.gestan.cloud.hosting.internal;

import fr.gestan.cloud.hosting.api.IncidentState;
import fr.gestan.cloud.hosting.api.IncidentUpdateView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** One public update of an incident, written by staff. */
@Entity
@Table(name = "status_incident_update")
public class IncidentUpdate {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(optional = false)
    @JoinColumn(name = "incident_id", nullable = false)
    private Incident incident;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private IncidentState state;
    @Column(nullable = false, length = 2000)
    private String message;
    @Column(name = "posted_at", nullable = false)
    private Instant postedAt;
    @Column(nullable = false, length = 120)
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
