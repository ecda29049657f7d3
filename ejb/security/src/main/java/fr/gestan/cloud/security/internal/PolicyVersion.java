package fr.gestan.cloud.security.internal;

import fr.gestan.cloud.common.persistence.GeneratedId;
import fr.gestan.cloud.security.api.PolicySettings;
import fr.gestan.cloud.security.api.PolicyVersionView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** One version of the security policy. Immutable: a change is a new version. */
@Entity
@jakarta.persistence.EntityListeners({PolicyMemo.Listener.class, fr.gestan.cloud.common.persistence.ReferenceWrites.Listener.class}) // read once per request (PolicyMemo); the reference data of compliance evaluations (SharedReferenceCache)
@Table(name = "security_policy_version")
@NamedQuery(name = PolicyVersion.IN_EFFECT,
        query = "select p from PolicyVersion p where p.effectiveFrom <= :now order by p.effectiveFrom desc, p.version desc")
@NamedQuery(name = PolicyVersion.NEWEST_FIRST, query = "select p from PolicyVersion p order by p.version desc")
public class PolicyVersion extends GeneratedId {

    static final String IN_EFFECT = "PolicyVersion.inEffect", NEWEST_FIRST = "PolicyVersion.newestFirst";

    @Column(updatable = false)
    private int version;
    @Column(updatable = false)
    private Instant effectiveFrom;
    @Column(updatable = false)
    private Instant createdAt;
    @Column(updatable = false)
    private String createdBy;
    @Column(updatable = false)
    private String reason;
    @Column(updatable = false)
    private int bfFailureFactor;
    @Column(updatable = false)
    private int bfWaitIncrementSeconds;
    @Column(updatable = false)
    private int bfMaxWaitSeconds;
    @Column(updatable = false)
    private int bfMaxDeltaSeconds;
    @Column(updatable = false)
    private boolean bfPermanentLockout;
    @Column(updatable = false)
    private int credMinLength;
    @Column(updatable = false)
    private int credMinClasses;
    @Column(updatable = false)
    private int sessionTimeoutMinutes;
    @Column(updatable = false)
    private boolean tlsRequired;
    @Column(updatable = false)
    private int backupEveryHours;
    @Column(updatable = false)
    private int backupRetentionDays;
    @Column(updatable = false)
    private boolean snapshotBeforeUpdate;
    @Column(updatable = false)
    private int monitorCpuPercent;
    @Column(updatable = false)
    private int monitorDiskPercent;
    @Column(updatable = false)
    private int monitorMemoryPercent;
    @Column(updatable = false)
    private int snapshotWindowHours;
    @Column(updatable = false)
    private int silenceMinutes;
    @Column(updatable = false)
    private int ddosMitigationHours;
    @Column(updatable = false)
    private int sessionMaxHours;
    @Column(updatable = false)
    private int passwordMinLength;
    @Column(updatable = false)
    private int passwordHistory;
    @Column(updatable = false)
    private int objectionDays;

    protected PolicyVersion() {
        // for JPA
    }

    PolicyVersion(int version, PolicySettings s, Instant effectiveFrom, Instant createdAt, String createdBy, String reason) {
        this.version = version;
        this.effectiveFrom = Objects.requireNonNull(effectiveFrom);
        this.createdAt = Objects.requireNonNull(createdAt);
        this.createdBy = Objects.requireNonNull(createdBy);
        this.reason = Objects.requireNonNull(reason).strip();
        this.bfFailureFactor = s.bruteForceFailureFactor();
        this.bfWaitIncrementSeconds = s.bruteForceWaitIncrementSeconds();
        this.bfMaxWaitSeconds = s.bruteForceMaxWaitSeconds();
        this.bfMaxDeltaSeconds = s.bruteForceMaxDeltaSeconds();
        this.bfPermanentLockout = s.bruteForcePermanentLockout();
        this.credMinLength = s.credentialMinLength();
        this.credMinClasses = s.credentialMinClasses();
        this.sessionTimeoutMinutes = s.sessionTimeoutMinutes();
        this.tlsRequired = s.tlsRequired();
        this.backupEveryHours = s.backupEveryHours();
        this.backupRetentionDays = s.backupRetentionDays();
        this.snapshotBeforeUpdate = s.snapshotBeforeUpdate();
        this.monitorCpuPercent = s.monitorCpuPercent();
        this.monitorDiskPercent = s.monitorDiskPercent();
        this.monitorMemoryPercent = s.monitorMemoryPercent();
        this.snapshotWindowHours = s.snapshotWindowHours();
        this.silenceMinutes = s.silenceMinutes();
        this.ddosMitigationHours = s.ddosMitigationHours();
        this.sessionMaxHours = s.sessionMaxHours();
        this.passwordMinLength = s.passwordMinLength();
        this.passwordHistory = s.passwordHistory();
        this.objectionDays = s.objectionDays();
    }

    PolicySettings settings() {
        return new PolicySettings(bfFailureFactor, bfWaitIncrementSeconds, bfMaxWaitSeconds, bfMaxDeltaSeconds,
                bfPermanentLockout, credMinLength, credMinClasses, sessionTimeoutMinutes, tlsRequired, backupEveryHours,
                backupRetentionDays, snapshotBeforeUpdate, monitorCpuPercent, monitorDiskPercent,
                monitorMemoryPercent, snapshotWindowHours, silenceMinutes, ddosMitigationHours, sessionMaxHours, passwordMinLength,
                passwordHistory, objectionDays);
    }

    Instant effectiveFrom() {
        return effectiveFrom;
    }

    int version() {
        return version;
    }

    static List<PolicyVersionView.Change> changes(PolicySettings before, PolicySettings after) {
        List<PolicyVersionView.Change> changes = new ArrayList<>();
        Map<String, Object> old = before == null ? Map.of() : before.asMap();
        after.asMap().forEach((name, value) -> {
            Object previous = old.get(name);
            if (!value.equals(previous)) {
                changes.add(new PolicyVersionView.Change(name, previous == null ? null : previous.toString(), value.toString()));
            }
        });
        return changes;
    }

    PolicyVersionView toView(PolicyVersion previous) {
        return new PolicyVersionView(version, effectiveFrom, createdAt, createdBy, reason, settings(),
                changes(previous == null ? null : previous.settings(), settings()));
    }
}
