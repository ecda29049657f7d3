package fr.gestan.cloud.tenants.internal;

import fr.gestan.cloud.tenants.api.SecretRekeyRunView;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The re-encryption runs and their pages, each step in its own transaction so that progress is seen by every node
 * and a crash loses at most one page (re-encrypted secrets no longer match the query, so a resumed run goes on where
 * the last committed page ended).
 */
@Stateless
@PermitAll // internal: its callers (the rotation, the worker and its timer) are the module's own
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class SecretRekeyStore {

    /** Without a heartbeat for this long a run's server is gone and another node resumes it. */
    static final Duration STALE = Duration.ofSeconds(45);
    static final int PAGE = 50;
    private static final Logger LOG = Logger.getLogger(SecretRekeyStore.class.getName());

    @PersistenceContext(unitName = "tenants")
    EntityManager em;

    private final Clock clock = Clock.systemUTC();

    /** A page's outcome: the last account looked at (the next page starts after it) and how many it held. */
    record Page(long lastId, int size) {
    }

    /** Starts the run that re-encrypts every secret not under {@code keyId}; runs for older keys end here. */
    public long begin(String keyId, String startedBy) {
        Instant now = clock.instant();
        for (SecretRekeyRun older : em.createNamedQuery(SecretRekeyRun.NEWEST_FIRST, SecretRekeyRun.class).getResultList()) {
            if (older.running()) {
                older.ended(now); // superseded: the new run re-encrypts their secrets too
            }
        }
        long total = em.createNamedQuery(HostedAccount.COUNT_NOT_UNDER_KEY, Long.class).setParameter("keyId", keyId).getSingleResult();
        SecretRekeyRun run = new SecretRekeyRun(keyId, startedBy, total, now);
        em.persist(run);
        em.flush();
        return run.id();
    }

    /**
     * Re-encrypts the next {@value #PAGE} secrets after account {@code afterId} under the run's key, if the run is
     * still running and its key still the active one. A secret no key opens is counted failed and left as it is.
     */
    public Page next(long runId, long afterId) {
        SecretRekeyRun run = em.find(SecretRekeyRun.class, runId);
        SecretCipher cipher = SecretCipher.current();
        if (run == null || !run.running() || !run.keyId().equals(cipher.activeId())) {
            return new Page(afterId, 0);
        }
        List<HostedAccount> accounts = em.createNamedQuery(HostedAccount.NOT_UNDER_KEY, HostedAccount.class)
                .setParameter("keyId", run.keyId()).setParameter("after", afterId).setMaxResults(PAGE).getResultList();
        int done = 0;
        int failed = 0;
        long last = afterId;
        for (HostedAccount account : accounts) {
            last = account.id();
            char[] secret = null;
            try {
                secret = cipher.decrypt(account.secretCiphertext(), account.cipherRef());
                account.reencrypted(cipher.encrypt(secret, account.cipherRef()));
                done++;
            } catch (IllegalStateException e) {
                failed++;
                LOG.warning("The secret of hosted account " + account.login() + " opens with no key of the ring: left as it is ("
                        + e.getMessage() + ")");
            } finally {
                if (secret != null) {
                    Arrays.fill(secret, '\0');
                }
            }
        }
        run.progressed(done, failed, clock.instant());
        return new Page(last, accounts.size());
    }

    public void end(long runId) {
        SecretRekeyRun run = em.find(SecretRekeyRun.class, runId);
        if (run != null && run.running()) {
            run.ended(clock.instant());
        }
    }

    /** The running runs whose heartbeat stopped (their server is gone). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Long> stopped() {
        return em.createNamedQuery(SecretRekeyRun.STOPPED_BEATING, Long.class).setParameter("before", clock.instant().minus(STALE))
                .getResultList();
    }

    /** Takes over a run whose heartbeat stopped; false when another node took it first (a conditional update). */
    public boolean claim(long runId) {
        Instant now = clock.instant();
        return em.createQuery("update SecretRekeyRun r set r.heartbeatAt = :now where r.id = :id and r.state = :running and r.heartbeatAt < :before")
                .setParameter("now", now).setParameter("id", runId).setParameter("running", SecretRekeyRunView.RUNNING)
                .setParameter("before", now.minus(STALE)).executeUpdate() == 1;
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<SecretRekeyRunView> last() {
        return em.createNamedQuery(SecretRekeyRun.NEWEST_FIRST, SecretRekeyRun.class).setMaxResults(1)
                .getResultList().stream().findFirst().map(SecretRekeyRun::toView);
    }
}
