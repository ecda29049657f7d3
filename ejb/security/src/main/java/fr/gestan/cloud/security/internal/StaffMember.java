package fr.gestan.cloud.security.internal;

import fr.gestan.cloud.common.persistence.GeneratedId;
import fr.gestan.cloud.security.api.AgreementView;
import fr.gestan.cloud.security.api.StaffMemberView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/** A staff member, identified by the username of their Keycloak account. */
@Entity
@jakarta.persistence.EntityListeners(fr.gestan.cloud.common.persistence.ReferenceWrites.Listener.class) // the reference data of compliance evaluations (SharedReferenceCache)
@Table(name = "staff_member")
@NamedQuery(name = StaffMember.BY_USERNAME, query = "select s from StaffMember s where s.username = :username")
@NamedQuery(name = StaffMember.ALL, query = "select s from StaffMember s order by s.username")
@NamedQuery(name = StaffMember.COUNT, query = "select count(s) from StaffMember s")
public class StaffMember extends GeneratedId {

    static final String BY_USERNAME = "StaffMember.byUsername", ALL = "StaffMember.all", COUNT = "StaffMember.count";
    private static final Set<String> ROLES = Set.of("support", "admin", "auditor");

    @Column(updatable = false)
    private String username;

    private String displayName;

    @Column(name = "staff_role")
    private String role;

    @Column(updatable = false)
    private Instant createdAt;

    @Column(updatable = false)
    private String createdBy;

    protected StaffMember() {
        // for JPA
    }

    StaffMember(String username, String displayName, String role, Instant createdAt, String createdBy) {
        if (!ROLES.contains(role)) {
            throw new IllegalArgumentException("not a staff role: " + role);
        }
        this.username = Objects.requireNonNull(username).strip();
        this.displayName = Objects.requireNonNull(displayName).strip();
        this.role = role;
        this.createdAt = Objects.requireNonNull(createdAt);
        this.createdBy = Objects.requireNonNull(createdBy);
    }

    String username() {
        return username;
    }

    String role() {
        return role;
    }

    StaffMemberView toView(AgreementView current) {
        return new StaffMemberView(username, displayName, role, current);
    }
}
