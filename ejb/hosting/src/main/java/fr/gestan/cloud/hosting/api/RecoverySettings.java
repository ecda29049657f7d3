package fr.gestan.cloud.hosting.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * The recovery plan's step durations, in minutes: opening a new server at another site, remounting the virtual
 * machine, restoring one tenant's data. A restore throughput above zero (GB per hour) derives each tenant's
 * restore time from its data volume instead.
 */
public record RecoverySettings(
        @Min(value = 0, message = "{recovery.minutes.range}") @Max(value = 10_000, message = "{recovery.minutes.range}") int newServerMinutes,
        @Min(value = 0, message = "{recovery.minutes.range}") @Max(value = 10_000, message = "{recovery.minutes.range}") int remountMinutes,
        @Min(value = 1, message = "{recovery.minutes.range}") @Max(value = 10_000, message = "{recovery.minutes.range}") int perTenantMinutes,
        @Min(value = 0, message = "{recovery.throughput.range}") @Max(value = 100_000, message = "{recovery.throughput.range}") int throughputGbPerHour) {

    /** The source's figures: about 15 min, 15 min, then about 10 min per client. */
    public static final RecoverySettings SOURCE = new RecoverySettings(15, 15, 10, 0);
}
