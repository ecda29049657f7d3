package fr.gestan.cloud.hosting.internal;

import fr.gestan.cloud.common.persistence.GeneratedId;
import fr.gestan.cloud.hosting.api.SubProcessorRole;
import fr.gestan.cloud.hosting.api.SubProcessorView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One sub-processor and the days between which it processes the clients' data. Only its end can change, and only
 * to a day not before its start. A hosting operator's identity and capital are its operator's, read live.
 */
@Entity
@jakarta.persistence.EntityListeners(fr.gestan.cloud.common.persistence.ReferenceWrites.Listener.class) // the reference data of compliance evaluations (SharedReferenceCache)
@Table(name = "sub_processor")
@NamedQuery(name = SubProcessor.ALL, query = SubProcessor.WITH_OPERATOR + " order by s.effectiveFrom, s.name, s.id")
@NamedQuery(name = SubProcessor.IN_EFFECT, query = SubProcessor.WITH_OPERATOR + " where s.effectiveFrom <= :day"
        + " and (s.effectiveUntil is null or s.effectiveUntil >= :day) order by s.role, s.name")
@NamedQuery(name = SubProcessor.PLANNED, query = SubProcessor.WITH_OPERATOR + " where s.effectiveFrom > :day order by s.effectiveFrom, s.name")
@NamedQuery(name = SubProcessor.OF_OPERATOR, query = "select s from SubProcessor s where s.operator = :operator"
        + " order by s.effectiveFrom desc, s.id desc")
@NamedQuery(name = SubProcessor.SAME_NAME, query = "select s from SubProcessor s where lower(s.name) = lower(:name)")
public class SubProcessor extends GeneratedId {

    static final String ALL = "SubProcessor.all", IN_EFFECT = "SubProcessor.inEffect", PLANNED = "SubProcessor.planned",
            SAME_NAME = "SubProcessor.sameName", OF_OPERATOR = "SubProcessor.ofOperator";
    /** The sub-processors with their operator, if any (its identity and capital are read live from it). */
    static final String WITH_OPERATOR = "select s from SubProcessor s left join fetch s.operator";

    @Column(updatable = false)
    private String name;
    @Column(updatable = false)
    private String legalForm;
    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private SubProcessorRole role;
    @Column(updatable = false)
    private String country;
    @Column(updatable = false)
    private String city;
    @Column(updatable = false)
    private String parentGroup;
    @Column(updatable = false)
    private String parentGroupCountry;
    @Column(updatable = false)
    private BigDecimal largestNonEuShare;
    @Column(updatable = false)
    private BigDecimal totalNonEuShare;
    @Column(updatable = false)
    private String servicesFr;
    @Column(updatable = false)
    private String servicesEn;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(updatable = false)
    private HostingOperator operator;
    @Column(updatable = false)
    private LocalDate effectiveFrom;
    private LocalDate effectiveUntil;
    @Column(updatable = false)
    private Instant createdAt;
    @Column(updatable = false)
    private String createdBy;

    protected SubProcessor() {
        // for JPA
    }

    /** A hosting operator as sub-processor: its identity and capital stay the operator's. */
    static SubProcessor operator(HostingOperator operator, String servicesFr, String servicesEn, LocalDate from, Instant now, String by) {
        SubProcessor s = new SubProcessor(operator.legalName(), SubProcessorRole.HOSTING_OPERATOR, operator.headOfficeCountry(),
                servicesFr, servicesEn, from, now, by);
        s.operator = operator;
        s.legalForm = operator.legalForm();
        return s;
    }

    /** Another sub-processor, with its own country and capital ({@code null} shares: unknown). */
    static SubProcessor other(String name, String legalForm, SubProcessorRole role, String country, String city, String parentGroup,
                              String parentGroupCountry, BigDecimal largest, BigDecimal total, String servicesFr, String servicesEn,
                              LocalDate from, Instant now, String by) {
        if (role == SubProcessorRole.HOSTING_OPERATOR) {
            throw new IllegalArgumentException("a hosting operator is entered as an operator");
        }
        if (largest != null && total != null && largest.compareTo(total) > 0) {
            throw new IllegalArgumentException("the largest holder's share cannot exceed the total");
        }
        SubProcessor s = new SubProcessor(name, role, country, servicesFr, servicesEn, from, now, by);
        s.legalForm = blankToNull(legalForm);
        s.city = blankToNull(city);
        s.parentGroup = blankToNull(parentGroup);
        s.parentGroupCountry = parentGroupCountry == null || parentGroupCountry.isBlank() ? null : Checks.country(parentGroupCountry);
        s.largestNonEuShare = largest;
        s.totalNonEuShare = total;
        return s;
    }

    private SubProcessor(String name, SubProcessorRole role, String country, String servicesFr, String servicesEn, LocalDate from,
                         Instant now, String by) {
        this.name = Checks.required(name, "name");
        this.role = Objects.requireNonNull(role);
        this.country = Checks.country(country);
        this.servicesFr = Checks.required(servicesFr, "services");
        this.servicesEn = Checks.required(servicesEn, "services");
        this.effectiveFrom = Objects.requireNonNull(from);
        this.createdAt = Objects.requireNonNull(now);
        this.createdBy = Objects.requireNonNull(by);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Sets the last day; not before the first. */
    void endOn(LocalDate lastDay) {
        if (lastDay.isBefore(effectiveFrom)) {
            throw new IllegalArgumentException("a sub-processor cannot end before it starts");
        }
        effectiveUntil = lastDay;
    }

    /** Whether its days overlap {@code [from, ∞)} (another entry of the same name may only follow it). */
    boolean overlapsFrom(LocalDate from) {
        return effectiveUntil == null || !effectiveUntil.isBefore(from);
    }

    /** Whether it processes the clients' data on that day. */
    boolean inEffectOn(LocalDate day) {
        return !effectiveFrom.isAfter(day) && (effectiveUntil == null || !effectiveUntil.isBefore(day));
    }

    LocalDate effectiveFrom() {
        return effectiveFrom;
    }

    String name() {
        return name;
    }

    /** {@code dataCentres}: the codes of the operator's data centres (ignored for the others: they serve every server). */
    SubProcessorView toView(List<String> dataCentres) {
        if (operator != null) {
            var op = operator.toView();
            return new SubProcessorView(id(), name, op.legalForm(), role, op.headOfficeCountry(), null, op.parentGroup(),
                    op.parentGroupCountry(), op.largestNonEuShare(), op.totalNonEuShare(), servicesFr, servicesEn, dataCentres,
                    op.id(), effectiveFrom, effectiveUntil);
        }
        return new SubProcessorView(id(), name, legalForm, role, country, city, parentGroup, parentGroupCountry, largestNonEuShare,
                totalNonEuShare, servicesFr, servicesEn, List.of(), null, effectiveFrom, effectiveUntil);
    }

    Long operatorId() {
        return operator == null ? null : operator.id();
    }
}
