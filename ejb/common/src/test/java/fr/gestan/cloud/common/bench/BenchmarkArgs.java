package fr.gestan.cloud.common.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * A database benchmark's command line: JDBC URL, user, password, the work of one round, rounds; each left out takes
 * its default (user {@code postgres}, no password, 3 rounds).
 */
public record BenchmarkArgs(String url, String user, String password, int perRound, int rounds) {

    public static BenchmarkArgs of(String[] args, String defaultUrl, int defaultPerRound) {
        return new BenchmarkArgs(arg(args, 0, defaultUrl), arg(args, 1, "postgres"), arg(args, 2, ""),
                Integer.parseInt(arg(args, 3, Integer.toString(defaultPerRound))), Integer.parseInt(arg(args, 4, "3")));
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    private static String arg(String[] args, int index, String fallback) {
        return args.length > index ? args[index] : fallback;
    }
}
