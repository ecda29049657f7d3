package fr.gestan.cloud.notifications.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** A client's choice about the status notices of its own servers (no row: it receives them). */
@Entity
@Table(name = "notification_client_preference")
@NamedQuery(name = ClientPreference.OPTED_OUT, query = "select p.tenantSiren from ClientPreference p"
        + " where p.tenantSiren in :sirens and p.statusNotices = false")
public class ClientPreference {

    /** Whether a company takes its staff-access notices as a daily digest (no row: no). */
    static boolean digests(jakarta.persistence.EntityManager em, String siren) {
        ClientPreference p = em.find(ClientPreference.class, siren);
        return p != null && p.staffAccessDigest;
    }

    static final String OPTED_OUT = "ClientPreference.optedOut";

    @Id
    private String tenantSiren;
    private boolean statusNotices;
    private boolean staffAccessDigest;
    private Instant changedAt;
    private String changedBy;

    protected ClientPreference() {
        // for JPA
    }

    /** The first choice of a company (the insert carries the state given at persist: complete it here). */
    ClientPreference(String tenantSiren, boolean statusNotices, String by, Instant at) {
        this.tenantSiren = Objects.requireNonNull(tenantSiren);
        choose(statusNotices, by, at);
    }

    void choose(boolean statusNotices, String by, Instant at) {
        this.statusNotices = statusNotices;
        this.changedBy = Objects.requireNonNull(by);
        this.changedAt = Objects.requireNonNull(at);
    }

    void chooseDigest(boolean digest, String by, Instant at) {
        this.staffAccessDigest = digest;
        this.changedBy = Objects.requireNonNull(by);
        this.changedAt = Objects.requireNonNull(at);
    }

    boolean staffAccessDigest() {
        return staffAccessDigest;
    }

    boolean statusNotices() {
        return statusNotices;
    }
}
