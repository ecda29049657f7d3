package fr.gestan.cloud.security.internal;

import fr.gestan.cloud.common.Roles;
import fr.gestan.cloud.common.journal.AccessJournal;
import fr.gestan.cloud.common.journal.JournalEvent;
import fr.gestan.cloud.common.journal.RequestOrigin;
import fr.gestan.cloud.common.persistence.JdbcBatches;
import fr.gestan.cloud.common.persistence.SchemaMigrations;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJBException;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;

/**
 * Appends to the journal in the caller's transaction ({@code MANDATORY}): an entry exists exactly when the action it
 * records commits. The entry carries a MAC and no position; {@link JournalLog}'s sequencer adds it to the Merkle log
 * once committed, so appends never wait for each other. Every module may write; the actor comes from the security
 * identity.
 */
@Stateless
@PermitAll
public class AccessJournalBean implements AccessJournal {

    private static final List<String> ROLES_BY_PRECEDENCE = List.of(Roles.ADMIN, Roles.SUPPORT, Roles.AUDITOR, Roles.CLIENT,
            Roles.API_WRITE, Roles.API_READ);

    @PersistenceContext(unitName = "security")
    EntityManager em;

    @Resource
    SessionContext caller;

    @Resource(lookup = SchemaMigrations.DATASOURCE)
    DataSource dataSource;

    private final Clock clock = Clock.systemUTC();

    @Override
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public long record(JournalEvent event) {
        return append(event);
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordIndependently(JournalEvent event) {
        append(event);
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public int recordAll(List<JournalEvent> events) {
        if (events.size() > MAX_BATCH) {
            throw new IllegalArgumentException("at most " + MAX_BATCH + " events in one call, not " + events.size());
        }
        String actor = caller.getCallerPrincipal().getName();
        String role = ROLES_BY_PRECEDENCE.stream().filter(caller::isCallerInRole).findFirst().orElse("none");
        JournalMacKey keys = JournalMacKey.current();
        String origin = RequestOrigin.address();
        // The datasource's connection in a transaction is the one the persistence unit uses: the rows commit or roll
        // back with the caller's work. An identity id per persisted entity would cost a round trip each; on PostgreSQL
        // one COPY (its constraints and append-only triggers apply as to an INSERT), elsewhere JDBC batches.
        try (Connection c = dataSource.getConnection()) {
            JdbcBatches.copyAll(c, "journal_entry", JournalEntry.COLUMNS, events,
                    event -> new JournalEntry(keys, clock.instant(), actor, role, event, origin).values());
        } catch (SQLException e) {
            throw new EJBException("the journal refused a batch of " + events.size() + " entries", e);
        }
        return events.size();
    }

    private long append(JournalEvent event) {
        String actor = caller.getCallerPrincipal().getName();
        String role = ROLES_BY_PRECEDENCE.stream().filter(caller::isCallerInRole).findFirst().orElse("none");
        return append(em, actor, role, event, clock);
    }

    /**
     * Appends in the current transaction with an explicit actor: only for this module's importers of events that
     * happened elsewhere (Keycloak sign-ins), whose actor is not the caller. Inserts one row and locks nothing that
     * other writers wait for: the sequencer gives the entry its log position after commit.
     */
    static long append(EntityManager em, String actor, String role, JournalEvent event, Clock clock) {
        JournalEntry entry = new JournalEntry(JournalMacKey.current(), clock.instant(), actor, role, event, RequestOrigin.address());
        em.persist(entry); // an identity column: the id is known once persisted
        return entry.id();
    }
}
