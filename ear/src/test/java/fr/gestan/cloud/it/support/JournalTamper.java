package fr.gestan.cloud.it.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Runs SQL against the journal as the schema owner who switched the append-only triggers off, as an attacker with
 * those rights would, in one transaction that first takes the sequencer's lease row and the log's state row: the live
 * sequencer never sees half of it, and no checkpoint signed from the state before it lands after it (a signer locks
 * the state row from its read to its insert: LogCheckpointer). PostgreSQL only (H2's triggers are Java classes the owner cannot switch off this way).
 */
public final class JournalTamper {

    private static final String[] GUARDED = {"journal_entry", "journal_checkpoint", "journal_leaf", "journal_checkpoint_key"};

    private JournalTamper() {
    }

    public static void run(DataSource owner, String... statements) throws SQLException {
        try (Connection c = owner.getConnection(); Statement sql = c.createStatement()) {
            c.setAutoCommit(false);
            try {
                sql.execute("update singleton_lease set holder = holder where name = 'journal-sequencer'");
                sql.execute("update journal_log_state set tree_size = tree_size where id = 1");
                boolean pg = c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
                if (pg) {
                    for (String table : GUARDED) {
                        sql.execute("alter table " + table + " disable trigger user");
                    }
                }
                for (String statement : statements) {
                    sql.execute(statement);
                }
                if (pg) {
                    for (String table : GUARDED) {
                        sql.execute("alter table " + table + " enable trigger user");
                    }
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }
}
