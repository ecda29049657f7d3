package fr.gestan.cloud.security.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Makes PostgreSQL refuse UPDATE, DELETE and TRUNCATE on the journal tables (entries, log positions, old checkpoints) with a
 * trigger, installed (again) at every deployment. H2 has no SQL triggers (only Java ones), so the H2 demo database
 * has no such guard: there, as everywhere, verification still detects any change. A database owner can drop a
 * trigger: in production the application should also connect as a role without UPDATE/DELETE privileges.
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

    private JournalGuard() {
    }

    static void install(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres")) {
                LOG.info("Journal append-only trigger not installed: not PostgreSQL (verification still detects changes)");
                return;
            }
            try (Statement sql = connection.createStatement()) {
                sql.execute(FUNCTION);
                for (String table : new String[] {"journal_entry", "journal_checkpoint", "journal_leaf"}) {
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
}
