package fr.gestan.cloud.hosting.internal;

import fr.gestan.cloud.common.persistence.GeneratedId;
import fr.gestan.cloud.hosting.api.OwnershipView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A change of who controls a hosting operator, from a day (the R4 case of issue 16). Never updated: a later change is
 * a new row; the operator reads the one in effect ({@link HostingOperator#toView()}).
 */
@Entity
@jakarta.persistence.EntityListeners(fr.gestan.cloud.common.persistence.ReferenceWrites.Listener.class) // the reference data of compliance evaluations (SharedReferenceCache)
@Table(name = "operator_ownership")
public class OperatorOwnership extends GeneratedId {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(updatable = false)
    private HostingOperator operator;
    @Column(updatable = false)
    private String owner;
    @Column(updatable = false)
    private String ownerCountry;
    @Column(updatable = false)
    private BigDecimal largestNonEuShare;
    @Column(updatable = false)
    private BigDecimal totalNonEuShare;
    @Column(updatable = false)
    private LocalDate effectiveOn;
    @Column(updatable = false)
    private String reason;
    @Column(updatable = false)
    private Instant recordedAt;
    @Column(updatable = false)
    private String recordedBy;

    protected OperatorOwnership() {
        // for JPA
    }

    OperatorOwnership(HostingOperator operator, String owner, String ownerCountry, BigDecimal largest, BigDecimal total,
                      LocalDate effectiveOn, String reason, Instant recordedAt, String recordedBy) {
        if (largest == null || total == null || largest.signum() < 0 || largest.compareTo(total) > 0
                || total.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new IllegalArgumentException("shares must satisfy 0 <= largest <= total <= 100");
        }
        this.operator = Objects.requireNonNull(operator);
        this.owner = Checks.required(owner, "owner");
        this.ownerCountry = Checks.country(ownerCountry);
        this.largestNonEuShare = largest;
        this.totalNonEuShare = total;
        this.effectiveOn = Objects.requireNonNull(effectiveOn);
        this.reason = Checks.required(reason, "reason");
        this.recordedAt = Objects.requireNonNull(recordedAt);
        this.recordedBy = Objects.requireNonNull(recordedBy);
    }

    /** In effect on that day (a later change may replace it). */
    boolean effectiveBy(LocalDate day) {
        return !effectiveOn.isAfter(day);
    }

    LocalDate effectiveOn() {
        return effectiveOn;
    }

    String owner() {
        return owner;
    }

    String ownerCountry() {
        return ownerCountry;
    }

    BigDecimal largestNonEuShare() {
        return largestNonEuShare;
    }

    BigDecimal totalNonEuShare() {
        return totalNonEuShare;
    }

    OwnershipView toView() {
        return new OwnershipView(id(), operator.id(), owner, ownerCountry, largestNonEuShare, totalNonEuShare, effectiveOn, reason,
                recordedAt, recordedBy);
    }
}
