package fr.gestan.cloud.security.internal;

import fr.gestan.cloud.common.persistence.H2AppendOnlyTrigger;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Makes the database refuse UPDATE, DELETE (and on PostgreSQL TRUNCATE) on the journal tables (entries, log
 * positions, old checkpoints) with triggers, installed (again) at every deployment by the schema owner: PL/pgSQL on PostgreSQL, the
 * Java trigger {@link H2AppendOnlyTrigger} on H2. A table owner can drop a trigger: the application connects as a
 * role that owns nothing and lacks UPDATE/DELETE/TRUNCATE on these tables ({@link DatabaseRoles}).
 */
final class JournalGuard {

    private static final Logger LOG = Logger.getLogger(JournalGuard.class.getName());

    private static final String FUNCTION = """
            create or replace function journal_append_only() returns trigger language plpgsql as $$
            begin
                raise exception 'the access journal is append-only: % on % refused', tg_op, tg_table_name
                    using errcode = 'insufficient_privilege';
            end
            $$""";

    /** The append-only tables: guarded here, and never updatable by the application's role. */
    static final String[] TABLES = {"journal_entry", "journal_checkpoint", "journal_leaf", "journal_checkpoint_key"};

    private JournalGuard() {
    }

    static void install(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase();
            if (product.contains("h2")) {
                installH2(connection);
                return;
            }
            if (!product.contains("postgres")) {
                LOG.warning("Journal append-only trigger not installed: neither PostgreSQL nor H2 (verification still detects changes)");
                return;
            }
            try (Statement sql = connection.createStatement()) {
                sql.execute(FUNCTION);
                for (String table : TABLES) {
                    sql.execute("drop trigger if exists " + table + "_append_only on " + table);
                    sql.execute("create trigger " + table + "_append_only before update or delete on " + table
                            + " for each row execute function journal_append_only()");
                    sql.execute("drop trigger if exists " + table + "_no_truncate on " + table);
                    sql.execute("create trigger " + table + "_no_truncate before truncate on " + table
                            + " for each statement execute function journal_append_only()");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot install the journal's append-only triggers", e);
        }
    }

    /**
     * H2: a Java trigger per table, loaded by name from the deployment's classes (the creating thread's context class
     * loader). H2 fires no row trigger on TRUNCATE.
     */
    private static void installH2(Connection connection) throws SQLException {
        try (Statement sql = connection.createStatement()) {
            for (String table : TABLES) {
                sql.execute("drop trigger if exists " + table + "_append_only");
                sql.execute("create trigger " + table + "_append_only before update, delete on " + table
                        + " for each row call \"" + H2AppendOnlyTrigger.class.getName() + "\"");
            }
        }
    }
}
