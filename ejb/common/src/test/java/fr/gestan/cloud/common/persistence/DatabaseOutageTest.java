package fr.gestan.cloud.common.persistence;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class DatabaseOutageTest {

    @Test
    void connection_failures_anywhere_in_the_causes_are_an_outage() {
        assertTrue(DatabaseOutage.isCause(new RuntimeException(new IllegalStateException(new SQLException("refused", "08001")))));
        assertTrue(DatabaseOutage.isCause(new RuntimeException(new SQLException("terminating connection due to administrator command", "57P01"))));
        assertTrue(DatabaseOutage.isCause(new SQLTransientConnectionException("pool")));
    }

    @Test
    void other_database_errors_are_not() {
        assertFalse(DatabaseOutage.isCause(new RuntimeException(new SQLException("duplicate key", "23505"))));
        assertFalse(DatabaseOutage.isCause(new IllegalStateException("a bug")));
        assertFalse(DatabaseOutage.isCause(null));
    }
}
