package fr.gestan.cloud.hosting.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * A new hosting contract (created as a draft). Without a production server the least-loaded production server
 * with room is taken; without a backup server, the least-loaded backup server in another data centre.
 */
public record NewContract(
        @NotBlank(message = "{tenant.siren.required}") @Pattern(regexp = "\\d{9}", message = "{tenant.siren.format}") String tenantSiren,
        @NotBlank(message = "{contract.offer.required}") @Size(max = 60, message = "{contract.offer.size}") String offer,
        @NotNull(message = "{contract.start.required}") LocalDate startsOn,
        LocalDate endsOn,
        boolean autoRenew,
        @NotNull(message = "{contract.level.required}") ServiceLevel serviceLevel,
        Long productionServerId,
        Long backupServerId,
        @Min(value = 0, message = "{contract.volume.range}") @Max(value = 100_000, message = "{contract.volume.range}") int dataVolumeGb) {
}
