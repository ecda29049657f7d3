package fr.gestan.cloud.hosting.internal;

import fr.gestan.cloud.hosting.api.AvailabilityView.Figures;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;

/**
 * A server's availability this month and over 12 months, as last computed ({@link Availability}): kept so that the
 * dashboards and the certificates read one computation instead of each re-reading a year of reports.
 */
@Entity
@Table(name = "server_availability")
@NamedQuery(name = ServerAvailability.ALL, query = "select a from ServerAvailability a")
@NamedQuery(name = ServerAvailability.OF, query = "select a from ServerAvailability a where a.serverId in :ids")
@NamedQuery(name = ServerAvailability.MARK_STALE, query = "update ServerAvailability a set a.stale = true where a.serverId in :ids")
public class ServerAvailability {

    static final String ALL = "ServerAvailability.all", OF = "ServerAvailability.of",
            MARK_STALE = "ServerAvailability.markStale";

    @Id
    private Long serverId;
    private Instant computedAt;
    private int silenceMinutes;
    private boolean stale;
    private Instant monthFrom;
    private long monthSeconds;
    private long monthUnmonitoredSeconds;
    private long monthDownSeconds;
    private long monthNotInServiceSeconds;
    private Double monthPercent;
    private Instant yearFrom;
    private long yearSeconds;
    private long yearUnmonitoredSeconds;
    private long yearDownSeconds;
    private long yearNotInServiceSeconds;
    private Double yearPercent;
    @Version
    private long version;

    protected ServerAvailability() {
        // for JPA
    }

    ServerAvailability(long serverId) {
        this.serverId = serverId;
    }

    long serverId() {
        return serverId;
    }

    Instant computedAt() {
        return computedAt;
    }

    void store(Figures month, Figures year, int silenceMinutes, Instant computedAt) {
        this.computedAt = computedAt;
        this.silenceMinutes = silenceMinutes;
        this.stale = false;
        this.monthFrom = month.from();
        this.monthSeconds = month.seconds();
        this.monthUnmonitoredSeconds = month.unmonitoredSeconds();
        this.monthDownSeconds = month.downSeconds();
        this.monthNotInServiceSeconds = month.notInServiceSeconds();
        this.monthPercent = month.availabilityPercent();
        this.yearFrom = year.from();
        this.yearSeconds = year.seconds();
        this.yearUnmonitoredSeconds = year.unmonitoredSeconds();
        this.yearDownSeconds = year.downSeconds();
        this.yearNotInServiceSeconds = year.notInServiceSeconds();
        this.yearPercent = year.availabilityPercent();
    }

    /**
     * Whether these figures still answer for now: not marked stale, computed with the silence allowance in effect,
     * for the current month, and (when {@code maxAge} is given) not older than it.
     */
    boolean valid(int silenceMinutes, Instant monthStart, Instant now, Duration maxAge) {
        return !stale && this.silenceMinutes == silenceMinutes && monthStart.equals(monthFrom)
                && (maxAge == null || !computedAt.plus(maxAge).isBefore(now));
    }

    Figures month() {
        return new Figures(monthFrom, computedAt, monthSeconds, monthUnmonitoredSeconds, monthDownSeconds, monthPercent, monthNotInServiceSeconds);
    }

    Figures year() {
        return new Figures(yearFrom, computedAt, yearSeconds, yearUnmonitoredSeconds, yearDownSeconds, yearPercent, yearNotInServiceSeconds);
    }
}
