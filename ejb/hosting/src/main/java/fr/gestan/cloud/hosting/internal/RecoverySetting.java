package fr.gestan.cloud.hosting.internal;

import fr.gestan.cloud.hosting.api.RecoverySettings;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The single row of recovery step durations (seeded with the source's figures by the migration). */
@Entity
@jakarta.persistence.EntityListeners(WorstCaseCache.Listener.class) // the recovery plan's worst case (/trust) is computed from it
@Table(name = "recovery_setting")
public class RecoverySetting {

    static final int ID = 1;

    @Id
    private Integer id;
    private int newServerMinutes;
    private int remountMinutes;
    private int perTenantMinutes;
    private int throughputGbPerHour;
    private Instant updatedAt;
    private String updatedBy;

    protected RecoverySetting() {
    }

    void change(RecoverySettings settings, String actor, Instant now) {
        if (settings.newServerMinutes() < 0 || settings.remountMinutes() < 0 || settings.perTenantMinutes() < 1
                || settings.throughputGbPerHour() < 0) {
            throw new IllegalArgumentException("durations out of range");
        }
        newServerMinutes = settings.newServerMinutes();
        remountMinutes = settings.remountMinutes();
        perTenantMinutes = settings.perTenantMinutes();
        throughputGbPerHour = settings.throughputGbPerHour();
        updatedAt = now;
        updatedBy = Checks.required(actor, "actor");
    }

    RecoverySettings toView() {
        return new RecoverySettings(newServerMinutes, remountMinutes, perTenantMinutes, throughputGbPerHour);
    }
}
