package fr.gestan.cloud.hosting.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** A recovery drill's measured step durations (minutes; leave empty what was not measured). */
public record NewDrill(
        long serverId,
        @NotNull(message = "{recovery.drill.date.required}") @PastOrPresent(message = "{recovery.drill.date.past}") LocalDate drilledOn,
        @Min(value = 0, message = "{recovery.minutes.range}") @Max(value = 10_000, message = "{recovery.minutes.range}") Integer newServerMinutes,
        @Min(value = 0, message = "{recovery.minutes.range}") @Max(value = 10_000, message = "{recovery.minutes.range}") Integer remountMinutes,
        @Min(value = 1, message = "{recovery.minutes.range}") @Max(value = 10_000, message = "{recovery.minutes.range}") Integer perTenantMinutes,
        @Min(value = 1, message = "{recovery.throughput.range}") @Max(value = 100_000, message = "{recovery.throughput.range}") Integer throughputGbPerHour,
        @Size(max = 1000, message = "{status.message.size}") String notes) {
}
