package fr.gestan.cloud.hosting.internal;

import fr.gestan.cloud.hosting.api.AvailabilityView.Figures;
import jakarta.persistence.Column;
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

    static final String ALL = "ServerAvailability.all";
    static final String OF = "ServerAvailability.of";
    static final String MARK_STALE = "ServerAvailability.markStale";

    @Id
    @Column(name = "server_id")
    private Long serverId;
    @Column(name = "computed_at", nullable = false)
    private Instant computedAt;
    @Column(name = "silence_minutes", nullable = false)
    private int silenceMinutes;
    @Column(nullable = false)
    private boolean stale;
    @Column(name = "month_from", nullable = false)
    private Instant monthFrom;
    @Column(name = "month_seconds", nullable = false)
    private long monthSeconds;
    @Column(name = "month_unmonitored_seconds", nullable = false)
    private long monthUnmonitored;
    @Column(name = "month_down_seconds", nullable = false)
    private long monthDown;
    @Column(name = "month_not_in_service_seconds", nullable = false)
    private long monthNotInService;
    @Column(name = "month_percent")
    private Double monthPercent;
    @Column(name = "year_from", nullable = false)
    private Instant yearFrom;
    @Column(name = "year_seconds", nullable = false)
    private long yearSeconds;
    @Column(name = "year_unmonitored_seconds", nullable = false)
    private long yearUnmonitored;
    @Column(name = "year_down_seconds", nullable = false)
    private long yearDown;
    @Column(name = "year_not_in_service_seconds", nullable = false)
    private long yearNotInService;
    @Column(name = "year_percent")
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
        this.monthUnmonitored = month.unmonitoredSeconds();
        this.monthDown = month.downSeconds();
        this.monthNotInService = month.notInServiceSeconds();
        this.monthPercent = month.availabilityPercent();
        this.yearFrom = year.from();
        this.yearSeconds = year.seconds();
        this.yearUnmonitored = year.unmonitoredSeconds();
        this.yearDown = year.downSeconds();
        this.yearNotInService = year.notInServiceSeconds();
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
        return new Figures(monthFrom, computedAt, monthSeconds, monthUnmonitored, monthDown, monthPercent, monthNotInService);
    }

    Figures year() {
        return new Figures(yearFrom, computedAt, yearSeconds, yearUnmonitored, yearDown, yearPercent, yearNotInService);
    }
}
