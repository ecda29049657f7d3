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
 * The run's table for docs/performance.md, from Gatling's report (the statistics table of {@code index.html} of the
 * newest run under the given folder, default {@code perf/target/gatling}): per request name, the count, the failures,
 * the throughput, p50/p95/p99 (Gatling's default percentiles are 50, 75, 95, 99) and the ratio of its p95 to the p95
 * of the trivial page ({@value GestanSimulation#BASELINE}) of the same run.
 *
 * <pre>java -cp perf/target/test-classes fr.gestan.cloud.perf.Summary [perf/target/gatling]</pre>
 */
public final class Summary {

    /** One row of the statistics table: its name, then 13 cells (total, OK, KO, % KO, per second, min, p50, p75, p95, p99, max, mean, sd). */
    private static final Pattern ROW = Pattern.compile("<tr id=\"[^\"]*\"[^>]*>.*?class=\"ellipsed-name\">([^<]*)</span>(.*?)</tr>", Pattern.DOTALL);
    private static final Pattern CELL = Pattern.compile("<td class=\"value [^\"]*col-(\\d+)\">([^<]*)</td>");

    record Row(String name, long total, long ko, double perSecond, double p50, double p95, double p99) {
    }

    private Summary() {
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : "perf/target/gatling");
        Path report = newestReport(root);
        System.out.println("Gatling report: " + report);
        System.out.print(table(parse(Files.readString(report, StandardCharsets.UTF_8))));
    }

    static Path newestReport(Path root) throws IOException {
        try (Stream<Path> runs = Files.list(root)) {
            return runs.map(run -> run.resolve("index.html")).filter(Files::isRegularFile)
                    .max(Comparator.comparing(p -> p.getParent().getFileName().toString()))
                    .orElseThrow(() -> new IOException("no Gatling report (index.html) under " + root));
        }
    }

    static List<Row> parse(String html) {
        List<Row> rows = new ArrayList<>();
        Matcher m = ROW.matcher(html);
        while (m.find()) {
            double[] cells = new double[15];
            Matcher c = CELL.matcher(m.group(2));
            while (c.find()) {
                int column = Integer.parseInt(c.group(1));
                String value = c.group(2).replace(",", "").trim();
                if (column < cells.length && !value.isEmpty() && !value.equals("-")) {
                    cells[column] = Double.parseDouble(value);
                }
            }
            rows.add(new Row(unescape(m.group(1)), (long) cells[2], (long) cells[4], cells[6], cells[8], cells[10], cells[11]));
        }
        return rows;
    }

    private static String unescape(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&").strip();
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
