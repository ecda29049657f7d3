package fr.gestan.cloud.perf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The run's table for docs/performance.md, from Gatling's report ({@code js/stats.json} of the newest run under the
 * given folder, default {@code perf/target/gatling}): per request name, the count, the failures, the throughput,
 * p50/p95/p99 (Gatling's default percentiles 50, 75, 95, 99) and the ratio of its p95 to the p95 of the trivial page
 * ({@value GestanSimulation#BASELINE}) of the same run.
 *
 * <pre>java -cp perf/target/test-classes fr.gestan.cloud.perf.Summary [perf/target/gatling]</pre>
 */
public final class Summary {

    private static final Pattern STATS = Pattern.compile("\"stats\"\\s*:\\s*\\{\\s*\"name\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    record Row(String name, long total, long ko, double perSecond, double p50, double p95, double p99) {
    }

    private Summary() {
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : "perf/target/gatling");
        Path stats = newestStats(root);
        List<Row> rows = parse(Files.readString(stats, StandardCharsets.UTF_8));
        System.out.println("Gatling report: " + stats.getParent().getParent());
        System.out.print(table(rows));
    }

    static Path newestStats(Path root) throws IOException {
        try (Stream<Path> runs = Files.list(root)) {
            return runs.map(run -> run.resolve("js/stats.json")).filter(Files::isRegularFile)
                    .max(Comparator.comparing(p -> p.getParent().getParent().getFileName().toString()))
                    .orElseThrow(() -> new IOException("no Gatling report (js/stats.json) under " + root));
        }
    }

    static List<Row> parse(String json) {
        List<Row> rows = new ArrayList<>();
        Matcher m = STATS.matcher(json);
        while (m.find()) {
            String rest = json.substring(m.end());
            rows.add(new Row(m.group(1).replace("\\\"", "\""), (long) number(rest, "numberOfRequests", "total"),
                    (long) number(rest, "numberOfRequests", "ko"), number(rest, "meanNumberOfRequestsPerSecond", "total"),
                    number(rest, "percentiles1", "total"), number(rest, "percentiles3", "total"), number(rest, "percentiles4", "total")));
        }
        return rows;
    }

    /** The first {@code "<object>": { ... "<field>": value } } after the start of a request's statistics. */
    private static double number(String json, String object, String field) {
        Matcher m = Pattern.compile("\"" + object + "\"\\s*:\\s*\\{[^}]*?\"" + field + "\"\\s*:\\s*\"?([-0-9.]+)\"?").matcher(json);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    static String table(List<Row> rows) {
        double baseline = rows.stream().filter(r -> r.name().equals(GestanSimulation.BASELINE)).mapToDouble(Row::p95).findFirst().orElse(Double.NaN);
        StringBuilder out = new StringBuilder("| Request | Count | KO | req/s | p50 ms | p95 ms | p99 ms | p95 / baseline p95 |\n"
                + "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (Row r : rows) {
            out.append(String.format(Locale.ROOT, "| %s | %d | %d | %.1f | %.0f | %.0f | %.0f | %s |%n", r.name(), r.total(), r.ko(), r.perSecond(),
                    r.p50(), r.p95(), r.p99(), baseline > 0 && !r.name().equals("All Requests")
                            ? String.format(Locale.ROOT, "%.1f×", r.p95() / baseline) : "–"));
        }
        return out.toString();
    }
}
