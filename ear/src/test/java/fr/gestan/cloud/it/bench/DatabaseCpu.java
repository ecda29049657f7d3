package fr.gestan.cloud.it.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The CPU that PostgreSQL's backends of the benchmark's database spent, read from {@code /proc} (the tests' PostgreSQL
 * runs on the same machine): beside {@link ServerCpu}'s figure, the part of a certificate's cost that the server's
 * threads do not show (the PDF's rows and TOAST chunks, the journal, the outbox, the reads; docs/performance.md 4.66
 * and 4.75). A backend counts from its first snapshot, or from zero when it started in between; one that ended in
 * between is lost (the pool keeps its connections through a batch). Empty when the backends are not readable (a
 * database on another machine).
 */
final class DatabaseCpu {

    /** Linux's clock ticks per second, in which {@code /proc/<pid>/stat} counts CPU time ({@code getconf CLK_TCK}). */
    static final int TICKS_PER_SECOND = 100;

    private DatabaseCpu() {
    }

    /** The CPU ticks so far of each backend (by process id) of the database {@code database} connects to. */
    static Map<Integer, Long> now(DataSource database) {
        Map<Integer, Long> ticks = new HashMap<>();
        try (Connection c = database.getConnection(); Statement s = c.createStatement();
             ResultSet pids = s.executeQuery("select pid from pg_stat_activity where datname = current_database()")) {
            while (pids.next()) {
                int pid = pids.getInt(1);
                try {
                    ticks.put(pid, ticks(Files.readString(Path.of("/proc", Integer.toString(pid), "stat"))));
                } catch (IOException e) {
                    // ended meanwhile, or not on this machine
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the database's backends are not readable", e);
        }
        return ticks;
    }

    /** User and system CPU ticks of a {@code /proc/<pid>/stat} line (fields 14 and 15, after the command in parentheses). */
    static long ticks(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** CPU ms per unit of work between two snapshots; NaN when none was readable. */
    static double perUnit(Map<Integer, Long> before, Map<Integer, Long> after, long units) {
        if (after.isEmpty()) {
            return Double.NaN;
        }
        long ticks = 0;
        for (Map.Entry<Integer, Long> backend : after.entrySet()) {
            ticks += backend.getValue() - before.getOrDefault(backend.getKey(), 0L);
        }
        return ticks * 1000.0 / TICKS_PER_SECOND / Math.max(1, units);
    }
}
