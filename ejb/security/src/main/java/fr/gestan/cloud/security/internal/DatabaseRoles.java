package fr.gestan.cloud.security.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Checks, at every deployment, that the application's database role cannot rewrite the journal, and takes back from
 * it what it must not have. Migrations run as the schema's owner ({@code GestanMigrationDS}); the application
 * ({@code GestanDS}) should be another role, given SELECT/INSERT/UPDATE/DELETE on the tables by default privileges
 * (docs/operations.md, "Database roles"). Here the owner revokes UPDATE, DELETE and TRUNCATE on the journal's tables
 * from that role (and from PUBLIC), so a grant made by hand since is undone at the next deployment. A role that
 * owns nothing cannot drop or disable the triggers either. When both datasources are one role, or the application's
 * role is a superuser, or the database is H2 (one administrator), a WARNING says so: the journal is then protected
 * by its triggers and its signed checkpoints only.
 */
final class DatabaseRoles {

    static final String H2_WARNING = "H2 database: for trying the product only. Its single administrator can drop the"
            + " journal's triggers and truncate it; use PostgreSQL with two roles in production (docs/operations.md).";

    private static final Logger LOG = Logger.getLogger(DatabaseRoles.class.getName());

    private DatabaseRoles() {
    }

    /** What was found: the application's role, and whether it is kept from rewriting the journal. */
    record Outcome(String applicationRole, boolean restricted) {
    }

    static Outcome restrict(DataSource owner, DataSource application) {
        try (Connection app = application.getConnection()) {
            String product = app.getMetaData().getDatabaseProductName().toLowerCase();
            if (!product.contains("postgres")) {
                LOG.warning(H2_WARNING);
                return new Outcome(app.getMetaData().getUserName(), false);
            }
            String appRole = currentUser(app);
            String ownerRole;
            try (Connection own = owner.getConnection()) {
                ownerRole = currentUser(own);
                if (appRole.equals(ownerRole)) {
                    LOG.warning("The application connects to PostgreSQL as " + appRole + ", the role that runs the"
                            + " migrations: it can drop the journal's triggers. Give GestanDS a role of its own"
                            + " (GESTAN_DB_USER) and GestanMigrationDS the owner (GESTAN_DB_MIGRATION_USER); see"
                            + " docs/operations.md, \"Database roles\".");
                    return new Outcome(appRole, false);
                }
                try (Statement sql = own.createStatement()) {
                    String tables = String.join(", ", JournalGuard.TABLES);
                    sql.execute("revoke update, delete, truncate, trigger, references on " + tables + " from public, "
                            + quote(appRole));
                }
            }
            if (superuser(app, appRole)) {
                LOG.warning("The application's PostgreSQL role " + appRole + " is a superuser: it can drop the"
                        + " journal's triggers. Use a role without SUPERUSER (docs/operations.md, \"Database roles\").");
                return new Outcome(appRole, false);
            }
            LOG.info(() -> "Database roles: the application runs as " + appRole + ", migrations as " + ownerRole
                    + "; the journal is append-only for the application");
            return new Outcome(appRole, true);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot check the database roles", e);
        }
    }

    private static String currentUser(Connection connection) throws SQLException {
        try (Statement sql = connection.createStatement(); ResultSet row = sql.executeQuery("select current_user")) {
            row.next();
            return row.getString(1);
        }
    }

    private static boolean superuser(Connection connection, String role) throws SQLException {
        try (PreparedStatement sql = connection.prepareStatement("select rolsuper from pg_roles where rolname = ?")) {
            sql.setString(1, role);
            try (ResultSet row = sql.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        }
    }

    /** A role name as a quoted SQL identifier (role names come from the server's settings, never from users). */
    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
