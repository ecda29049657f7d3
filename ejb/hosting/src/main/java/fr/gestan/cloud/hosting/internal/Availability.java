package fr.gestan.cloud.hosting.internal;

import fr.gestan.cloud.hosting.api.AvailabilityView.Figures;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Availability from machine evidence, pure and unit tested. A report (a measurement or an agent event) covers the
 * policy's silence allowance after it: time no report covers is unmonitored (it is not "up"); incidents count as
 * down as on the status page (critical fully, major at 30 %); availability is the monitored time not down, over
 * the monitored time.
 */
final class Availability {

    private Availability() {
    }

    static Figures of(Instant from, Instant to, List<Instant> reports, Duration silence, List<StatusBoard.Outage> outages) {
        return of(from, to, reports, silence, outages, null);
    }

    /**
     * @param reports  the server's report times, sorted, from at least {@code silence} before {@code from}
     * @param outages  the server's incidents
     * @param since    when the server was commissioned ({@code null}: before the period): the time before it is not
     *                 applicable, counted neither as up nor as unmonitored
     */
    static Figures of(Instant from, Instant to, List<Instant> reports, Duration silence, List<StatusBoard.Outage> outages, Instant since) {
        long period = Math.max(0, Duration.between(from, to).toSeconds());
        Instant periodFrom = from;
        if (since != null && since.isAfter(from)) {
            from = since.isAfter(to) ? to : since;
        }
        long notInService = Duration.between(periodFrom, from).toSeconds();
        long total = Math.max(0, Duration.between(from, to).toSeconds());
        long covered = 0;
        Instant coveredUntil = from;
        for (Instant r : reports) {
            Instant start = r.isBefore(coveredUntil) ? coveredUntil : r;
            Instant end = r.plus(silence).isAfter(to) ? to : r.plus(silence);
            if (end.isAfter(start)) {
                covered += Duration.between(start, end).toSeconds();
                coveredUntil = end;
            }
        }
        long unmonitored = total - covered;
        double down = 0;
        for (StatusBoard.Outage o : outages) {
            Instant start = o.start().isBefore(from) ? from : o.start();
            Instant end = o.end() == null || o.end().isAfter(to) ? to : o.end();
            if (end.isAfter(start)) {
                down += Duration.between(start, end).toSeconds() * StatusBoard.weight(o.impact());
            }
        }
        long downSeconds = Math.round(Math.min(down, covered));
        Double percent = covered == 0 ? null : Math.floor(10_000.0 * (covered - downSeconds) / covered) / 100.0;
        return new Figures(periodFrom, to, period, unmonitored, downSeconds, percent, notInService);
    }
}
