package fr.gestan.cloud.hosting.internal;

import fr.gestan.cloud.common.persistence.GeneratedId;
import fr.gestan.cloud.hosting.api.SubProcessorChangeKind;
import fr.gestan.cloud.hosting.api.SubProcessorChangeView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/** A change of the sub-processor list told to the clients concerned, with the last day on which they may object. */
@Entity
@Table(name = "sub_processor_change")
@NamedQuery(name = SubProcessorChange.ALL, query = "select c from SubProcessorChange c join fetch c.subProcessor" + SubProcessorChange.NEWEST_FIRST)
@NamedQuery(name = SubProcessorChange.TOLD_TO, query = "select c from ChangeClient a join a.change c join fetch c.subProcessor"
        + ChangeClient.OF_SIREN_NEWEST_FIRST)
@NamedQuery(name = SubProcessorChange.COUNTS, query = "select a.change.id, count(a), sum(case when a.answer = fr.gestan.cloud.hosting.api.ChangeAnswer.ACCEPTED"
        + " then 1 else 0 end), sum(case when a.answer = fr.gestan.cloud.hosting.api.ChangeAnswer.OBJECTED then 1 else 0 end)"
        + " from ChangeClient a group by a.change.id")
public class SubProcessorChange extends GeneratedId {

    static final String ALL = "SubProcessorChange.all", COUNTS = "SubProcessorChange.counts",
            TOLD_TO = "SubProcessorChange.toldTo";
    /** The order the changes are listed in (as {@code c}): the newest notice first. */
    static final String NEWEST_FIRST = " order by c.notifiedAt desc, c.id desc";

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(updatable = false)
    private SubProcessor subProcessor;
    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private SubProcessorChangeKind kind;
    @Column(updatable = false)
    private LocalDate effectiveOn;
    @Column(updatable = false)
    private LocalDate objectionUntil;
    @Column(updatable = false)
    private Instant notifiedAt;
    @Column(updatable = false)
    private String notifiedBy;
    /** For an owner change: the ownership recorded (null otherwise). */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(updatable = false)
    private OperatorOwnership ownership;

    protected SubProcessorChange() {
        // for JPA
    }

    SubProcessorChange(SubProcessor subProcessor, SubProcessorChangeKind kind, LocalDate effectiveOn, LocalDate objectionUntil,
                       Instant notifiedAt, String notifiedBy) {
        this.subProcessor = Objects.requireNonNull(subProcessor);
        this.kind = Objects.requireNonNull(kind);
        this.effectiveOn = Objects.requireNonNull(effectiveOn);
        this.objectionUntil = Objects.requireNonNull(objectionUntil);
        this.notifiedAt = Objects.requireNonNull(notifiedAt);
        this.notifiedBy = Objects.requireNonNull(notifiedBy);
    }

    /** An operator's change of owner, told as a change of its sub-processor entry. */
    static SubProcessorChange ownerChanged(SubProcessor subProcessor, OperatorOwnership ownership, LocalDate objectionUntil,
                                           Instant notifiedAt, String notifiedBy) {
        SubProcessorChange c = new SubProcessorChange(subProcessor, SubProcessorChangeKind.OWNER_CHANGED, ownership.effectiveOn(),
                objectionUntil, notifiedAt, notifiedBy);
        c.ownership = ownership;
        return c;
    }

    SubProcessor subProcessor() {
        return subProcessor;
    }

    SubProcessorChangeKind kind() {
        return kind;
    }

    LocalDate effectiveOn() {
        return effectiveOn;
    }

    LocalDate objectionUntil() {
        return objectionUntil;
    }

    /** Whether clients may still answer on that day (the last day included). */
    boolean openOn(LocalDate day) {
        return !day.isAfter(objectionUntil);
    }

    SubProcessorChangeView toView(long told, long accepted, long objected) {
        var s = subProcessor.toView(java.util.List.of());
        return new SubProcessorChangeView(id(), s.id(), s.name(), s.role(), s.country(), s.servicesFr(), s.servicesEn(), kind,
                effectiveOn, objectionUntil, notifiedAt, notifiedBy, told, accepted, objected,
                ownership == null ? null : ownership.owner(), ownership == null ? null : ownership.ownerCountry());
    }
}
