package fr.gestan.cloud.security.internal;

import fr.gestan.cloud.common.persistence.GeneratedId;
import fr.gestan.cloud.security.api.ServerIdentities.IdentityView;
import fr.gestan.cloud.security.api.ServerIdentities.Kind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** One identity of a staff member on the servers: a unix login, an SSH key fingerprint or an RDP account. */
@Entity
@Table(name = "staff_server_identity")
@NamedQuery(name = ServerIdentity.ALL, query = "select i from ServerIdentity i order by i.username, i.kind, i.value")
@NamedQuery(name = ServerIdentity.BY_VALUE, query = "select i from ServerIdentity i where i.kind = :kind and i.value = :value")
public class ServerIdentity extends GeneratedId {

    static final String ALL = "ServerIdentity.all", BY_VALUE = "ServerIdentity.byValue";

    @Column(updatable = false)
    private String username;
    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private Kind kind;
    @Column(name = "identity_value", updatable = false)
    private String value;
    @Column(updatable = false)
    private Instant addedAt;
    @Column(updatable = false)
    private String addedBy;

    protected ServerIdentity() {
        // for JPA
    }

    ServerIdentity(String username, Kind kind, String value, Instant addedAt, String addedBy) {
        this.username = Objects.requireNonNull(username);
        this.kind = Objects.requireNonNull(kind);
        this.value = normalised(kind, value);
        this.addedAt = Objects.requireNonNull(addedAt);
        this.addedBy = Objects.requireNonNull(addedBy);
    }

    /** Logins compare as the servers print them; RDP account names without case (Windows ignores it). */
    static String normalised(Kind kind, String value) {
        String v = Objects.requireNonNull(value).strip();
        return kind == Kind.RDP_ACCOUNT ? v.toLowerCase(java.util.Locale.ROOT) : v;
    }

    String username() {
        return username;
    }

    IdentityView toView() {
        return new IdentityView(id(), username, kind, value, addedAt, addedBy);
    }
}
