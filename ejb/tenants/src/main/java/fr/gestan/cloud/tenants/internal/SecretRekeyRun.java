package fr.gestan.cloud.tenants.internal;

import fr.gestan.cloud.common.persistence.GeneratedId;
import fr.gestan.cloud.tenants.api.SecretRekeyRunView;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** One background re-encryption of the secrets under a new key: its tally and heartbeat, seen by every node. */
@Entity
@Table(name = "secret_rekey_run")
@NamedQuery(name = SecretRekeyRun.NEWEST_FIRST, query = "select r from SecretRekeyRun r order by r.id desc")
@NamedQuery(name = SecretRekeyRun.STOPPED_BEATING, query = "select r.id from SecretRekeyRun r where r.state = '"
        + SecretRekeyRunView.RUNNING + "' and r.heartbeatAt < :before order by r.id")
class SecretRekeyRun extends GeneratedId {

    static final String NEWEST_FIRST = "SecretRekeyRun.newestFirst", STOPPED_BEATING = "SecretRekeyRun.stoppedBeating";

    private String keyId;

    private String startedBy;

    private Instant startedAt;

    private Instant heartbeatAt;

    private Instant endedAt;

    private String state;

    private long total;

    private long done;

    private long failed;

    protected SecretRekeyRun() {
        // for JPA
    }

    SecretRekeyRun(String keyId, String startedBy, long total, Instant now) {
        this.keyId = Objects.requireNonNull(keyId);
        this.startedBy = Objects.requireNonNull(startedBy);
        this.total = total;
        this.startedAt = now;
        this.heartbeatAt = now;
        this.state = SecretRekeyRunView.RUNNING;
    }

    String keyId() {
        return keyId;
    }

    boolean running() {
        return SecretRekeyRunView.RUNNING.equals(state);
    }

    void progressed(int reencrypted, int unreadable, Instant now) {
        done += reencrypted;
        failed += unreadable;
        heartbeatAt = now;
    }

    void ended(Instant now) {
        state = SecretRekeyRunView.DONE;
        endedAt = now;
        heartbeatAt = now;
    }

    SecretRekeyRunView toView() {
        return new SecretRekeyRunView(id(), keyId, state, startedBy, startedAt, endedAt, total, done, failed);
    }
}
