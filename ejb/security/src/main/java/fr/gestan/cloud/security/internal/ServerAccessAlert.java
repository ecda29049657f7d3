package fr.gestan.cloud.security.internal;

import fr.gestan.cloud.common.persistence.GeneratedId;
import fr.gestan.cloud.security.api.ServerIdentities.Access;
import fr.gestan.cloud.security.api.ServerIdentities.AlertReason;
import fr.gestan.cloud.security.api.ServerIdentities.AlertView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** A server sign-in that no cleared support staff member accounts for: open until acknowledged, once. */
@Entity
@Table(name = "server_access_alert")
@NamedQuery(name = ServerAccessAlert.OPEN, query = "select a from ServerAccessAlert a where a.acknowledgedAt is null order by a.raisedAt desc, a.id desc")
public class ServerAccessAlert extends GeneratedId {

    static final String OPEN = "ServerAccessAlert.open";

    @Column(updatable = false)
    private String serverRef;
    @Column(updatable = false)
    private String reporter;
    @Column(updatable = false)
    private String account;
    @Column(updatable = false)
    private String keyFingerprint;
    @Column(updatable = false)
    private String address;
    @Column(updatable = false)
    private String method;
    @Column(updatable = false)
    private Instant occurredAt;
    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private AlertReason reason;
    @Column(updatable = false)
    private String matchedUsername;
    @Column(updatable = false)
    private Instant raisedAt;
    private Instant acknowledgedAt;
    private String acknowledgedBy;
    private String acknowledgement;

    protected ServerAccessAlert() {
        // for JPA
    }

    ServerAccessAlert(String reporter, Access access, AlertReason reason, String matchedUsername, Instant now) {
        this.serverRef = bounded(Objects.requireNonNull(access.serverRef()), 64);
        this.reporter = bounded(Objects.requireNonNull(reporter), 140);
        this.account = bounded(Objects.requireNonNull(access.account()), 200);
        this.keyFingerprint = access.keyFingerprint() == null ? null : bounded(access.keyFingerprint(), 200);
        this.address = bounded(Objects.requireNonNull(access.address()), 100);
        this.method = bounded(Objects.requireNonNull(access.method()), 16);
        this.occurredAt = Objects.requireNonNull(access.at());
        this.reason = Objects.requireNonNull(reason);
        this.matchedUsername = matchedUsername;
        this.raisedAt = Objects.requireNonNull(now);
    }

    private static String bounded(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    /** Acknowledged once: a second acknowledgement changes nothing (answers false). */
    boolean acknowledge(String by, String note, Instant now) {
        if (acknowledgedAt != null) {
            return false;
        }
        acknowledgedAt = now;
        acknowledgedBy = Objects.requireNonNull(by);
        acknowledgement = Objects.requireNonNull(note).strip();
        return true;
    }

    AlertView toView() {
        return new AlertView(id(), serverRef, reporter, account, keyFingerprint, address, method, occurredAt, reason, matchedUsername,
                raisedAt, acknowledgedAt, acknowledgedBy, acknowledgement);
    }
}
