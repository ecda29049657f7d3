import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Creates (or updates) the two PostgreSQL roles of Gestan Cloud in one database, as an administrator: the owner, that
 * runs the migrations (GestanMigrationDS), and the application's role (GestanDS), with only SELECT, INSERT, UPDATE,
 * DELETE on the tables and USAGE on the sequences, now and for every table the owner creates later (default
 * privileges). Existing objects of schema public are handed to the owner. The deployment then revokes UPDATE,
 * DELETE and TRUNCATE on the journal's tables from the application's role (security module, DatabaseRoles).
 * Idempotent. A single-file program, so that ./run.sh needs no psql:
 *
 * <pre>
 * GESTAN_ROLES_ADMIN_PASSWORD=... GESTAN_ROLES_OWNER_PASSWORD=... GESTAN_ROLES_APP_PASSWORD=... \
 *   java -cp postgresql.jar ear/src/main/db/GestanRoles.java jdbc:postgresql://host/db admin gestan_owner gestan_app
 * </pre>
 *
 * The SQL it runs is listed in docs/operations.md ("Database roles").
 */
public class GestanRoles {

    public static void main(String[] args) throws SQLException {
        if (args.length != 4) {
            System.err.println("usage: GestanRoles <jdbc-url> <admin-user> <owner-role> <application-role>"
                    + " (passwords in GESTAN_ROLES_ADMIN_PASSWORD, GESTAN_ROLES_OWNER_PASSWORD, GESTAN_ROLES_APP_PASSWORD)");
            System.exit(2);
        }
        String url = args[0];
        String owner = args[2];
        String app = args[3];
        for (String role : new String[] {owner, app}) {
            if (!role.matches("[a-z_][a-z0-9_]{0,62}")) {
                throw new IllegalArgumentException("role names are lower-case SQL identifiers: " + role);
            }
        }
        if (owner.equals(app)) {
            throw new IllegalArgumentException("the owner and the application need two different roles");
        }
        try (Connection c = DriverManager.getConnection(url, args[1], env("GESTAN_ROLES_ADMIN_PASSWORD"));
                Statement sql = c.createStatement()) {
            role(c, owner, env("GESTAN_ROLES_OWNER_PASSWORD"));
            role(c, app, env("GESTAN_ROLES_APP_PASSWORD"));
            String database = c.getCatalog();
            sql.execute("grant connect on database \"" + database + "\" to " + owner + ", " + app);
            // Only the owner creates objects; PUBLIC lost CREATE on public in PostgreSQL 15, not before.
            sql.execute("revoke create on schema public from public");
            sql.execute("grant usage, create on schema public to " + owner);
            sql.execute("grant usage on schema public to " + app);
            handOver(c, owner);
            sql.execute("alter default privileges for role " + owner + " in schema public"
                    + " grant select, insert, update, delete on tables to " + app);
            sql.execute("alter default privileges for role " + owner + " in schema public"
                    + " grant usage, select on sequences to " + app);
            sql.execute("grant select, insert, update, delete on all tables in schema public to " + app);
            sql.execute("grant usage, select on all sequences in schema public to " + app);
            System.out.println("Database roles ready in " + database + ": owner " + owner + ", application " + app);
        }
    }

    private static String env(String name) {
        String value = System.getenv(name);
        return value == null ? "" : value;
    }

    /** Creates the role (login, no other attribute), or sets its password; never a superuser. */
    private static void role(Connection c, String role, String password) throws SQLException {
        boolean exists;
        try (PreparedStatement find = c.prepareStatement("select 1 from pg_roles where rolname = ?")) {
            find.setString(1, role);
            try (ResultSet row = find.executeQuery()) {
                exists = row.next();
            }
        }
        String literal = "'" + password.replace("'", "''") + "'";
        try (Statement sql = c.createStatement()) {
            sql.execute((exists ? "alter role " : "create role ") + role
                    + " login nosuperuser nocreatedb nocreaterole noreplication nobypassrls"
                    + (password.isEmpty() ? "" : " password " + literal));
        }
    }

    /** Objects of schema public created earlier by another role (e.g. a database first run as postgres). */
    private static void handOver(Connection c, String owner) throws SQLException {
        List<String> statements = new ArrayList<>();
        try (Statement sql = c.createStatement();
                ResultSet rows = sql.executeQuery("select case c.relkind when 'S' then 'sequence' when 'v' then 'view'"
                        + " when 'm' then 'materialized view' else 'table' end, c.relname from pg_class c"
                        + " join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public'"
                        + " and c.relkind in ('r', 'p', 'v', 'm', 'S') and pg_get_userbyid(c.relowner) <> '" + owner + "'"
                        // sequences of identity or serial columns follow their table
                        + " and not exists (select 1 from pg_depend d where d.objid = c.oid and d.deptype in ('a', 'i'))"
                        + " order by c.relkind desc")) {
            while (rows.next()) {
                statements.add("alter " + rows.getString(1) + " public.\"" + rows.getString(2) + "\" owner to " + owner);
            }
        }
        try (Statement sql = c.createStatement();
                ResultSet rows = sql.executeQuery("select p.oid::regprocedure from pg_proc p join pg_namespace n"
                        + " on n.oid = p.pronamespace where n.nspname = 'public' and pg_get_userbyid(p.proowner) <> '"
                        + owner + "'")) {
            while (rows.next()) {
                statements.add("alter function " + rows.getString(1) + " owner to " + owner);
            }
        }
        try (Statement sql = c.createStatement()) {
            for (String statement : statements) {
                sql.execute(statement);
            }
        }
        if (!statements.isEmpty()) {
            System.out.println("Handed " + statements.size() + " existing object(s) over to " + owner);
        }
    }
}
