package fr.gestan.cloud.security.internal;

import fr.gestan.cloud.common.lease.HoldsLease;
import fr.gestan.cloud.common.persistence.SchemaMigrations;
import fr.gestan.cloud.common.runs.IdleBackoff;
import fr.gestan.cloud.common.runs.Polling;
import fr.gestan.cloud.security.api.JournalVerifier.MerkleLog;
import fr.gestan.cloud.security.api.JournalVerifier.Result;
import fr.gestan.cloud.security.api.VerificationProgress;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Runs the journal's sequencer and checkpoint signer on every node; the lease row lets one node at a time do the
 * work. Every {@value #SEQUENCER_MS_PROPERTY} ms (default 50) a batch is sequenced; while the log grows, a checkpoint
 * is signed every {@value #CHECKPOINT_MS_PROPERTY} ms (default 250); hourly, old checkpoints are thinned. Rounds that
 * find nothing to sequence (or find the lease elsewhere) space the next ones out, doubling up to
 * {@value #IDLE_CEILING_MS_PROPERTY} ms (default 400): each round renews the lease, an update and a commit. Outside any
 * container transaction ({@code NOT_SUPPORTED}): the JDBC core commits its own batches.
 */
@Startup
@Singleton
@LocalBean
@DependsOn("SecuritySchema")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@HoldsLease(LogSequencer.LEASE) // in the row lock of each batch (SingletonLease), checkpoints and pruning included
public class JournalLog {

    static final String SEQUENCER_MS_PROPERTY = "gestan.journal.sequencer-ms";
    static final String CHECKPOINT_MS_PROPERTY = "gestan.journal.checkpoint-ms";
    static final String IDLE_CEILING_MS_PROPERTY = "gestan.journal.idle-ceiling-ms";
    static final String GAP_TIMEOUT_PROPERTY = "gestan.journal.gap-timeout-seconds";
    static final String ORIGIN_PROPERTY = "gestan.journal.origin";
    static final String DEFAULT_ORIGIN = "gestan.cloud/access-journal";
    static final int BATCH = 1000;

    private static final Logger LOG = Logger.getLogger(JournalLog.class.getName());

    @Resource(lookup = SchemaMigrations.DATASOURCE)
    DataSource dataSource;

    /** Makes the rounds' thread (Polling: not the managed scheduler, whose rounds are refused while suspended). */
    @Resource
    ManagedThreadFactory threads;

    private LogSequencer sequencer;
    private LogCheckpointer checkpointer;
    private ScheduledExecutorService rounds;
    private long checkpointMs;
    private long lastPrune;
    private IdleBackoff idle;
    private final Object lock = new Object();

    static String origin() {
        return System.getProperty(ORIGIN_PROPERTY, DEFAULT_ORIGIN);
    }

    @PostConstruct
    void start() {
        String holder = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();
        sequencer = new LogSequencer(dataSource::getConnection, new SingletonLease(LogSequencer.LEASE, holder, 10_000,
                System::currentTimeMillis), JournalMacKey::current, System::currentTimeMillis, BATCH,
                Long.getLong(GAP_TIMEOUT_PROPERTY, 600) * 1000);
        try (Connection c = dataSource.getConnection()) {
            CheckpointKeys.register(c, JournalKeys.current().active(), System.currentTimeMillis() * 1000);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record the journal checkpoint key", e);
        }
        checkpointer = new LogCheckpointer(origin(), CheckpointKeys::signing, System::currentTimeMillis);
        checkpointMs = Long.getLong(CHECKPOINT_MS_PROPERTY, 250);
        long every = Long.getLong(SEQUENCER_MS_PROPERTY, 50);
        idle = new IdleBackoff(Math.max(every, 1), Math.max(every, Long.getLong(IDLE_CEILING_MS_PROPERTY, 400)));
        rounds = Polling.start(threads, SEQUENCER_MS_PROPERTY, 50, this::tick);
    }

    @PreDestroy
    void stop() {
        Polling.stop(rounds); // the round under way ends first: the lease is released after it
        synchronized (lock) {
            sequencer.release();
        }
    }

    private void tick() {
        try {
            synchronized (lock) {
                if (!idle.due(System.currentTimeMillis())) {
                    return;
                }
                LogSequencer.Batch batch = sequencer.runOnce();
                idle.ran(batch.sequenced() > 0, System.currentTimeMillis());
                if (batch.sequenced() < 0) {
                    return; // another node holds the lease
                }
                for (int more = 0; batch.sequenced() == BATCH && more < 20; more++) {
                    batch = sequencer.runOnce(); // behind: catch up before pausing
                }
                try (Connection c = dataSource.getConnection()) {
                    checkpointer.sign(c, checkpointMs, false);
                    long now = System.currentTimeMillis();
                    if (now - lastPrune > 3_600_000) {
                        lastPrune = now;
                        LogCheckpointer.prune(c, now);
                    }
                }
            }
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "Journal sequencing failed; the next run retries from the committed state", e);
        }
    }

    /**
     * Sequences what is committed now (here if this node can hold the lease, else waits a little for the holder)
     * and signs a checkpoint of it; {@code pinned}: kept for ever (exports, certificates).
     */
    public LogCheckpointer.Stored checkpointNow(boolean pinned) {
        try {
            long visible = maxEntryId();
            synchronized (lock) {
                sequencer.drain();
            }
            long deadline = System.currentTimeMillis() + 5_000;
            while (unsequencedUpTo(visible) > 0 && System.currentTimeMillis() < deadline) {
                Thread.sleep(20); // another node sequences
            }
            try (Connection c = dataSource.getConnection()) {
                return checkpointer.sign(c, 0, pinned);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot sign a journal checkpoint", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the journal sequencer", e);
        }
    }

    /**
     * The checkpoint to embed in a certificate: what is committed now, sequenced and signed (the newest checkpoint
     * when the log has not grown since), kept for ever by the retention ({@link LogCheckpointer#prune}).
     */
    public LogCheckpointer.Stored pinnedCheckpoint() {
        LogCheckpointer.Stored newest = checkpointNow(false);
        if (newest == null) {
            return checkpointNow(true); // an empty log: its first checkpoint, pinned
        }
        try (Connection c = dataSource.getConnection()) {
            if (newest.pinned() || LogCheckpointer.pin(c, newest.id())) {
                return new LogCheckpointer.Stored(newest.id(), newest.treeSize(), newest.rootHex(), newest.createdAtMicros(),
                        newest.note(), true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot pin a journal checkpoint", e);
        }
        return checkpointNow(true); // thinned meanwhile: sign one that is kept
    }

    private long maxEntryId() throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement("select coalesce(max(id), 0) from journal_entry");
             ResultSet rs = q.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private long unsequencedUpTo(long id) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement("select count(*) from journal_entry e "
                + "where e.id <= ? and e.id > (select floor_id from journal_log_state where id = 1) and not exists (select 1 from "
                + "journal_leaf l where l.entry_id = e.id and l.entry_id > (select floor_id from journal_log_state where id = 1))")) {
            q.setLong(1, id);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * The published checkpoint key set: every key that signed checkpoints, with its period. {@code SUPPORTS}, as
     * {@link #latest}: in a caller's transaction (a client page's view, {@code PortalViewTransaction}) on its connection,
     * without a pool check of its own; outside one, on a connection of its own as before (docs/performance.md 4.47).
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public MerkleLog.KeySet keySet() {
        try (Connection c = dataSource.getConnection()) {
            return CheckpointKeys.keySet(CheckpointKeys.inRing(CheckpointKeys.all(c), JournalKeys.current()));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the journal checkpoint keys", e);
        }
    }

    /** The newest checkpoint; in the caller's transaction when there is one ({@link #keySet}). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public LogCheckpointer.Stored latest() {
        try (Connection c = dataSource.getConnection()) {
            return LogCheckpointer.latest(c);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the journal checkpoints", e);
        }
    }

    /** Verifies the whole log (see {@link LogVerification}). */
    public Result verify(VerificationProgress progress) {
        try {
            return new LogVerification(JournalMacKey.current(), origin(), keySet()).verify(dataSource::getConnection, new LogVerification.Progress() {
                @Override
                public void start(long total) {
                    progress.start(total);
                }

                @Override
                public void checked(long leaves) {
                    progress.checked(leaves);
                }
            });
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the journal", e);
        }
    }
}
