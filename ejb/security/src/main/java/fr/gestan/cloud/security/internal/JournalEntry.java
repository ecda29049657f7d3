package fr.gestan.cloud.security.internal;

import fr.gestan.cloud.common.journal.JournalEvent;
import fr.gestan.cloud.common.persistence.GeneratedId;
import fr.gestan.cloud.security.api.JournalEntryView;
import fr.gestan.cloud.security.api.JournalVerifier;
import jakarta.persistence.Column;
import jakarta.persistence.ColumnResult;
import jakarta.persistence.EntityResult;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SqlResultSetMapping;
import jakarta.persistence.Table;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * One entry of the append-only access journal. It has no mutator: once persisted, an entry never changes; its log
 * position lives in {@code journal_leaf}.
 */
@Entity
@Table(name = "journal_entry")
@NamedQuery(name = JournalEntry.NEWEST_FIRST, query = "select e from JournalEntry e order by e.id desc")
@NamedQuery(name = JournalEntry.COUNT, query = "select count(e) from JournalEntry e")
@NamedQuery(name = JournalEntry.COUNT_OF_TENANT, query = "select count(e) from JournalEntry e where e.tenantRef = :tenant")
// A page of a tenant's entries with their log positions and the tenant's count, in one statement (JournalQuery.pageOfTenant)
@SqlResultSetMapping(name = JournalEntry.WITH_POSITION_AND_TOTAL, entities = @EntityResult(entityClass = JournalEntry.class),
        columns = {@ColumnResult(name = "leaf_position", type = Long.class), @ColumnResult(name = "total_rows", type = Long.class)})
// An entry with its log position, in one statement (JournalProofsBean.certificateIssue, JournalQueryBean.ofTenant)
@SqlResultSetMapping(name = JournalEntry.WITH_POSITION, entities = @EntityResult(entityClass = JournalEntry.class),
        columns = @ColumnResult(name = "leaf_position", type = Long.class))
public class JournalEntry extends GeneratedId {

    static final String WITH_POSITION_AND_TOTAL = "JournalEntry.withPositionAndTotal";
    static final String WITH_POSITION = "JournalEntry.withPosition";
    /**
     * A tenant's entries with their log positions, newest first, in one statement (JournalQuery.ofTenant: the client
     * dashboard's tile, the staff's client summary; the positions were a second statement). Native: journal_leaf is no entity.
     */
    /** The newest entries with their log positions, in one statement (JournalQuery.latest: the back-office dashboard's tile). */
    static final String LATEST_SQL = "select e.*, l.position as leaf_position"
            + " from journal_entry e left join journal_leaf l on l.entry_id = e.id order by e.id desc";
    static final String OF_TENANT_SQL = "select e.*, l.position as leaf_position"
            + " from journal_entry e left join journal_leaf l on l.entry_id = e.id"
            + " where e.tenant_ref = ?1 order by e.id desc";
    /** Native: journal_leaf is no entity. The count is an uncorrelated subquery, computed once, from the index. */
    static final String PAGE_OF_TENANT_SQL = "select e.*, l.position as leaf_position,"
            + " (select count(*) from journal_entry c where c.tenant_ref = ?1) as total_rows"
            + " from journal_entry e left join journal_leaf l on l.entry_id = e.id"
            + " where e.tenant_ref = ?1 order by e.id desc";
    /**
     * {@link #PAGE_OF_TENANT_SQL} from row ?2 (at most ?3 rows), or past the tenant's entries from its last page's first row
     * ({@code JournalQueryBean.within}): the count once, in the offset and in each row. PostgreSQL and H2.
     */
    static final String PAGE_OF_TENANT_WITHIN_SQL = "with c as (select count(*) as n from journal_entry where tenant_ref = ?1)"
            + " select e.*, l.position as leaf_position, (select n from c) as total_rows"
            + " from journal_entry e left join journal_leaf l on l.entry_id = e.id"
            + " where e.tenant_ref = ?1 order by e.id desc"
            + " offset (select case when ?2 < n then ?2 else (greatest(n, 1) - 1) / ?3 * ?3 end from c) rows fetch first ?3 rows only";
    static final String NEWEST_FIRST = "JournalEntry.newestFirst", COUNT = "JournalEntry.count",
            COUNT_OF_TENANT = "JournalEntry.countOfTenant";

    @Column(updatable = false)
    private Instant occurredAt;

    @Column(updatable = false)
    private String actor;

    @Column(updatable = false)
    private String actorRole;

    @Column(updatable = false)
    private String tenantRef;

    @Column(updatable = false)
    private String action;

    @Column(updatable = false)
    private String target;

    @Column(updatable = false)
    private String outcome;

    @Column(updatable = false)
    private String reason;

    /** The position in the old hash chain (entries written before the log); null for log entries. */
    @Column(updatable = false)
    private Long seq;

    @Column(updatable = false)
    private String sourceIp;

    @Column(updatable = false)
    private String entryHash;

    /** HMAC-SHA256 of the v2 encoding (hex), with the key outside the database; null for legacy entries. */
    @Column(updatable = false)
    private String mac;

    /** The id of the MAC key ({@link JournalMacKey}); null for entries written before MAC keys had ids (the initial key). */
    @Column(updatable = false)
    private String macKey;

    protected JournalEntry() {
        // for JPA
    }

    /**
     * A v2 entry: no position (the sequencer gives it after commit), a MAC over its v2 encoding. Values are cleaned
     * first, so that the MAC covers exactly what is stored.
     */
    JournalEntry(JournalMacKey macKeys, Instant occurredAt, String actor, String actorRole, JournalEvent event, String fallbackSourceIp) {
        this.occurredAt = Objects.requireNonNull(occurredAt).truncatedTo(ChronoUnit.MICROS);
        this.actor = JournalText.clean(Objects.requireNonNull(actor), 100);
        this.actorRole = JournalText.clean(Objects.requireNonNull(actorRole), 32);
        this.tenantRef = JournalText.clean(event.tenantRef(), 14);
        this.action = JournalText.clean(event.action(), 64);
        this.target = JournalText.clean(event.target(), 300);
        this.outcome = event.outcome().name();
        this.reason = JournalText.clean(event.reason(), 1000);
        this.sourceIp = JournalText.clean(event.sourceIp() != null ? event.sourceIp() : fallbackSourceIp, 45);
        this.macKey = macKeys.recordedId();
        this.mac = LogLeaves.mac(macKeys.activeKey(), JournalVerifier.entryV2Payload(micros(this.occurredAt), this.actor, this.actorRole,
                tenantRef, action, target, sourceIp, outcome, reason));
    }

    /** The columns of a v2 entry's row, in the order of {@link #values}. */
    static final List<String> COLUMNS = List.of("occurred_at", "actor", "actor_role", "tenant_ref", "action", "target",
            "outcome", "reason", "source_ip", "mac", "mac_key");

    /** The insert of a v2 entry's columns, in the order {@link #bind} sets them. */
    static final String INSERT = "insert into journal_entry (" + String.join(", ", COLUMNS) + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /**
     * A v2 entry's values in the order of {@link #COLUMNS}: the row of bulk appends (a COPY on PostgreSQL, JDBC
     * batches elsewhere), the same values as the entity's.
     */
    Object[] values() {
        return new Object[] {OffsetDateTime.ofInstant(occurredAt, ZoneOffset.UTC), actor, actorRole, tenantRef, action, target,
                outcome, reason, sourceIp, mac, macKey};
    }

    /** Sets a v2 entry's columns on {@link #INSERT} ({@link #values}). */
    void bind(PreparedStatement insert) throws SQLException {
        Object[] values = values();
        insert.setObject(1, values[0]);
        for (int i = 1; i < values.length; i++) {
            insert.setString(i + 1, (String) values[i]);
        }
    }

    /** The entry's leaf in the log: v2 with its MAC, or v1 (with its chain position) for an entry from before the log. */
    byte[] leafData() {
        long at = micros(occurredAt);
        return mac != null ? JournalVerifier.entryV2Leaf(at, actor, actorRole, tenantRef, action, target, sourceIp, outcome, reason, mac)
                : JournalVerifier.entryV1Leaf(seq, at, actor, actorRole, tenantRef, action, target, sourceIp, outcome, reason);
    }

    static long micros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    Long seq() {
        return seq;
    }

    String tenantRef() {
        return tenantRef;
    }

    Instant occurredAt() {
        return occurredAt;
    }

    String reason() {
        return reason;
    }

    /** The view with the entry's log position (null until sequenced) and leaf hash. */
    JournalEntryView toView(Long position) {
        return new JournalEntryView(id(), position, occurredAt, actor, actorRole, tenantRef, action, target, sourceIp, outcome,
                reason, JournalVerifier.hex(JournalVerifier.MerkleLog.leafHash(leafData())));
    }
}
