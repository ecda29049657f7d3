package fr.gestan.cloud.hosting.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A recorded change of who controls a hosting operator, from {@code effectiveOn}, with why and by whom. */
public record OwnershipView(long id, long operatorId, String owner, String ownerCountry, BigDecimal largestNonEuShare,
                            BigDecimal totalNonEuShare, LocalDate effectiveOn, String reason, Instant recordedAt,
                            String recordedBy) implements java.io.Serializable {
}
