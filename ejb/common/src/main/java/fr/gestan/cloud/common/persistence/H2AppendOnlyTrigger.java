package fr.gestan.cloud.common.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/**
 * An append-only guard for H2, which has only Java triggers: refuses every UPDATE and DELETE row of the table it is
 * attached to (the security module's JournalGuard attaches it to the journal). It lives in the EAR's lib/, whose
 * class loader has the H2 module ({@code jboss-deployment-structure.xml}); H2 loads it by name through the thread's
 * context class loader, and if a database is opened where this class cannot be found, H2 fails the statement
 * instead, so the guard fails closed. It does not cover TRUNCATE, and H2's single administrator can drop it: H2 is
 * for trying the product only.
 */
public class H2AppendOnlyTrigger implements Trigger {

    private String table;

    @Override
    public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before,
            int type) {
        this.table = tableName;
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        // The same words as the PostgreSQL trigger's, and SQLSTATE 42501 (insufficient privilege).
        throw new SQLException("the access journal is append-only: " + (newRow == null ? "DELETE" : "UPDATE")
                + " on " + table + " refused", "42501");
    }
}
