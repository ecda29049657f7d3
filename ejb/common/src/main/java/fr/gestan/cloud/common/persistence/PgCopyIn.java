package fr.gestan.cloud.common.persistence;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.Function;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Rows sent with PostgreSQL's {@code COPY … FROM STDIN} (text format) through PgJDBC's {@code CopyManager}, for
 * {@link JdbcBatches#copyAll}. The only class of the module that names the driver: loading it fails with a
 * {@link LinkageError} where the driver's classes are not visible, and the caller then falls back to JDBC batches.
 * COPY checks every constraint and fires every trigger (foreign keys, checks, identity defaults) as an INSERT does;
 * it saves the per-statement work of single-row inserts.
 */
final class PgCopyIn {

    /** Bytes handed to the driver at a time. */
    private static final int CHUNK = 1 << 16;

    private PgCopyIn() {
    }

    /** False when the connection is not PgJDBC's. */
    static boolean applies(Connection c) throws SQLException {
        return c.isWrapperFor(PGConnection.class);
    }

    /** Copies every item's values (in the order of {@code columns}) into {@code table}; returns how many rows. */
    static <T> long copy(Connection c, String table, String columns, Iterable<? extends T> items,
                         Function<? super T, Object[]> values) throws SQLException {
        CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + table + " (" + columns + ") FROM STDIN");
        try {
            StringBuilder text = new StringBuilder(CHUNK + 1024);
            for (T item : items) {
                row(text, values.apply(item));
                if (text.length() >= CHUNK) {
                    send(copy, text);
                }
            }
            send(copy, text);
            return copy.endCopy();
        } catch (SQLException | RuntimeException e) {
            if (copy.isActive()) {
                try {
                    copy.cancelCopy(); // the connection is usable again; the caller's transaction fails with e
                } catch (SQLException cancel) {
                    e.addSuppressed(cancel);
                }
            }
            throw e;
        }
    }

    private static void send(CopyIn copy, StringBuilder text) throws SQLException {
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        text.setLength(0);
    }

    /** One row of COPY's text format: columns separated by tabs, {@code \N} for null, a newline at the end. */
    static void row(StringBuilder text, Object[] values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                text.append('\t');
            }
            value(text, values[i]);
        }
        text.append('\n');
    }

    private static void value(StringBuilder text, Object value) {
        if (value == null) {
            text.append("\\N");
        } else if (value instanceof BigDecimal decimal) {
            text.append(decimal.toPlainString());
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Boolean) {
            text.append(value);
        } else if (value instanceof LocalDateTime time) {
            // ISO date, a space, ISO time (fractions as given: PostgreSQL rounds them to microseconds, as PgJDBC does)
            text.append(time.toLocalDate()).append(' ').append(time.toLocalTime());
        } else if (value instanceof OffsetDateTime time) {
            ZoneOffset offset = time.getOffset();
            text.append(time.toLocalDate()).append(' ').append(time.toLocalTime()).append(offset.getTotalSeconds() == 0 ? "+00" : offset.getId());
        } else if (value instanceof LocalDate date) {
            text.append(date);
        } else if (value instanceof String string) {
            escaped(text, string);
        } else {
            throw new IllegalArgumentException("no COPY text form for a " + value.getClass().getName());
        }
    }

    private static void escaped(StringBuilder text, String string) {
        for (int i = 0; i < string.length(); i++) {
            char ch = string.charAt(i);
            switch (ch) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(ch);
            }
        }
    }
}
