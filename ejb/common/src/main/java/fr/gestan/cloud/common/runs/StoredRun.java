package fr.gestan.cloud.common.runs;

import fr.gestan.cloud.common.persistence.GeneratedId;
import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Enumerated;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A long piece of work kept in the database so that every node sees it (a certificate batch, a journal
 * verification): who started it, when, a heartbeat while its server works, and how it ended. A run whose heartbeat
 * stops is marked {@link RunState#INTERRUPTED} by a sweep on any node. Each module maps its own table; the columns
 * below are the same in each.
 */
@MappedSuperclass
public abstract class StoredRun extends GeneratedId {

    @Column(name = "started_by", nullable = false, updatable = false, length = 100)
    private String startedBy;
    @Column(name = "started_at", nullable = false, updatable = false)
    private Instant startedAt;
    @Column(name = "heartbeat_at", nullable = false)
    private Instant heartbeatAt;
    @Column(name = "ended_at")
    private Instant endedAt;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private RunState state;

    protected StoredRun() {
        // for JPA
    }

    protected StoredRun(String startedBy, Instant now) {
        this.startedBy = Objects.requireNonNull(startedBy, "startedBy");
        this.startedAt = now;
        this.heartbeatAt = now;
        this.state = RunState.RUNNING;
    }

    public RunState state() {
        return state;
    }

    protected String startedBy() {
        return startedBy;
    }

    public Instant startedAt() {
        return startedAt;
    }

    protected Instant heartbeatAt() {
        return heartbeatAt;
    }

    protected Instant endedAt() {
        return endedAt;
    }

    /** Still {@link RunState#RUNNING}, but its heartbeat is older than {@code before}: its server stopped. */
    public boolean stoppedBeating(Instant before) {
        return state == RunState.RUNNING && heartbeatAt.isBefore(before);
    }

    /** Still working: the heartbeat moves on. */
    protected void beat(Instant now) {
        requireRunning();
        heartbeatAt = now;
    }

    /** Ended by its own server ({@link RunState#COMPLETED} or {@link RunState#FAILED}). */
    protected void end(RunState outcome, Instant now) {
        requireRunning();
        state = outcome;
        heartbeatAt = now;
        endedAt = now;
    }

    /** Its server stopped beating: the run will not finish. */
    public void interrupted(Instant now) {
        requireRunning();
        state = RunState.INTERRUPTED;
        endedAt = now;
    }

    /** The newest run of a type (the highest id), if there is one. */
    public static <R extends StoredRun> Optional<R> newest(EntityManager em, Class<R> type) {
        return em.createQuery("select r from " + entityName(em, type) + " r order by r.id desc", type).setMaxResults(1)
                .getResultList().stream().findFirst();
    }

    /**
     * The runs of a type still {@link RunState#RUNNING} whose heartbeat is older than {@code before}: their server
     * stopped (a module's sweep then resumes or interrupts them), oldest first.
     */
    public static <R extends StoredRun> List<R> stoppedBeating(EntityManager em, Class<R> type, Instant before) {
        return em.createQuery("select r from " + entityName(em, type) + " r where r.state = :running and r.heartbeatAt < :before"
                + " order by r.id", type).setParameter("running", RunState.RUNNING).setParameter("before", before).getResultList();
    }

    // The entity's name as its persistence unit knows it (one query text for every module's table).
    private static String entityName(EntityManager em, Class<? extends StoredRun> type) {
        return em.getMetamodel().entity(type).getName();
    }

    private void requireRunning() {
        if (state != RunState.RUNNING) {
            throw new IllegalStateException(getClass().getSimpleName() + " " + id() + " is " + state);
        }
    }
}
