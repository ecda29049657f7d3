package fr.gestan.cloud.security.internal;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * One row of {@code COPY … TO STDOUT (FORMAT binary)}, split in place: PostgreSQL sends a row per CopyData message
 * (the file header before the first one, the trailer alone). Fields are length-prefixed bytes, without the escapes
 * and number formatting of the text format: texts in the client encoding (UTF-8 for PgJDBC), {@code bigint} as 8
 * bytes, {@code timestamptz} as microseconds since 2000-01-01 UTC, {@code boolean} as one byte.
 */
final class BinaryCopyRow {

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0};
    /** 2000-01-01T00:00:00Z, PostgreSQL's timestamp epoch, in microseconds since 1970. */
    private static final long PG_EPOCH_MICROS = 946_684_800_000_000L;

    private final int expected;
    private final int[] starts;
    private final int[] lengths;
    private boolean headerRead;
    byte[] row;

    BinaryCopyRow(int fields) {
        this.expected = fields;
        this.starts = new int[fields];
        this.lengths = new int[fields];
    }

    /** Splits a CopyData message: true for a row, false for the trailer (or a message holding only the header). */
    boolean split(byte[] message) throws SQLException {
        row = message;
        int at = 0;
        if (!headerRead) {
            if (message.length < SIGNATURE.length + 8 || !Arrays.equals(message, 0, SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length)) {
                throw new SQLException("unexpected COPY data: no binary header");
            }
            at = SIGNATURE.length + 4;
            at += 4 + int32(at);
            headerRead = true;
            if (at == message.length) {
                return false;
            }
        }
        int fields = (short) (((message[at] & 0xff) << 8) | (message[at + 1] & 0xff));
        at += 2;
        if (fields == -1) {
            return false;
        }
        if (fields != expected) {
            throw new SQLException("unexpected COPY row: " + fields + " fields, " + expected + " expected");
        }
        for (int k = 0; k < fields; k++) {
            int length = int32(at);
            at += 4;
            starts[k] = at;
            lengths[k] = length;
            if (length > 0) {
                at += length;
            }
        }
        if (at != message.length) {
            throw new SQLException("unexpected COPY row: " + (message.length - at) + " bytes after its fields");
        }
        return true;
    }

    boolean isNull(int k) {
        return lengths[k] < 0;
    }

    int start(int k) {
        return starts[k];
    }

    int length(int k) {
        return lengths[k];
    }

    /** A {@code bigint} (or {@code integer}) field. */
    long number(int k) {
        int s = starts[k];
        if (lengths[k] == 4) {
            return int32(s);
        }
        if (lengths[k] != 8) {
            throw new IllegalStateException("field " + k + " is not a number (" + lengths[k] + " bytes)");
        }
        return ((long) int32(s) << 32) | (int32(s + 4) & 0xffffffffL);
    }

    boolean bool(int k) {
        return row[starts[k]] != 0;
    }

    /** A {@code timestamptz} field as microseconds since 1970-01-01 UTC. */
    long epochMicros(int k) {
        return number(k) + PG_EPOCH_MICROS;
    }

    /**
     * A one-dimensional {@code bigint[]} field (binary array format: dimensions, flags, element type, then length and
     * lower bound per dimension, then each element as length and 8 bytes), null for a null field. A null element is
     * refused.
     */
    long[] int8Array(int k) throws SQLException {
        if (isNull(k)) {
            return null;
        }
        int at = starts[k];
        int end = at + lengths[k];
        int dimensions = int32(at);
        if (dimensions == 0) {
            return new long[0];
        }
        if (dimensions != 1 || int32(at + 8) != 20) {
            throw new SQLException("unexpected COPY array in field " + k + ": " + dimensions + " dimensions, element type " + int32(at + 8));
        }
        int count = int32(at + 12);
        at += 20;
        if (count < 0 || (long) count * 12 != end - at) {
            throw new SQLException("unexpected COPY array in field " + k + ": " + count + " elements in " + (end - at) + " bytes");
        }
        long[] values = new long[count];
        for (int i = 0; i < count; i++, at += 12) {
            if (int32(at) != 8) {
                throw new SQLException("unexpected COPY array in field " + k + ": element " + i + " is null or not a bigint");
            }
            values[i] = ((long) int32(at + 4) << 32) | (int32(at + 8) & 0xffffffffL);
        }
        return values;
    }

    String text(int k) {
        return isNull(k) ? null : new String(row, starts[k], lengths[k], StandardCharsets.UTF_8);
    }

    byte[] bytes(int k) {
        return isNull(k) ? null : Arrays.copyOfRange(row, starts[k], starts[k] + lengths[k]);
    }

    private int int32(int at) {
        return ((row[at] & 0xff) << 24) | ((row[at + 1] & 0xff) << 16) | ((row[at + 2] & 0xff) << 8) | (row[at + 3] & 0xff);
    }
}
