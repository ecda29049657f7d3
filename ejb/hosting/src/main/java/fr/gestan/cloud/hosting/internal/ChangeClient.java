package fr.gestan.cloud.hosting.internal;

import fr.gestan.cloud.common.persistence.GeneratedId;
import fr.gestan.cloud.hosting.api.ChangeAnswer;
import fr.gestan.cloud.hosting.api.ChangeAnswerView;
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
import java.util.Objects;

/** One client told of a sub-processor change, and its answer (none yet: {@code answer} null). */
@Entity
@Table(name = "sub_processor_change_client")
@NamedQuery(name = ChangeClient.OF_CHANGE, query = "select a from ChangeClient a where a.change.id = :change"
        + " order by case when a.answer = fr.gestan.cloud.hosting.api.ChangeAnswer.OBJECTED then 0 else 1 end, a.tenantSiren")
@NamedQuery(name = ChangeClient.OF_TENANT, query = "select a from ChangeClient a join a.change c" + ChangeClient.OF_SIREN_NEWEST_FIRST)
@NamedQuery(name = ChangeClient.ONE, query = "select a from ChangeClient a where a.tenantSiren = :siren and a.change.id = :change")
public class ChangeClient extends GeneratedId {

    static final String OF_CHANGE = "ChangeClient.ofChange", OF_TENANT = "ChangeClient.ofTenant",
            ONE = "ChangeClient.one";
    /** One client's rows (as {@code a}, their changes as {@code c}), the newest change first. */
    static final String OF_SIREN_NEWEST_FIRST = " where a.tenantSiren = :siren" + SubProcessorChange.NEWEST_FIRST;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(updatable = false)
    private SubProcessorChange change;
    @Column(updatable = false)
    private String tenantSiren;
    @Enumerated(EnumType.STRING)
    private ChangeAnswer answer;
    @Column(name = "answer_comment")
    private String comment;
    private String answeredBy;
    private Instant answeredAt;

    protected ChangeClient() {
        // for JPA
    }

    ChangeClient(SubProcessorChange change, String tenantSiren) {
        this.change = Objects.requireNonNull(change);
        this.tenantSiren = Objects.requireNonNull(tenantSiren);
    }

    /** Records (or replaces) the answer; an objection says why. */
    void answer(ChangeAnswer answer, String comment, String by, Instant at) {
        String said = comment == null || comment.isBlank() ? null : comment.strip();
        if (answer == ChangeAnswer.OBJECTED && said == null) {
            throw new IllegalArgumentException("an objection says why");
        }
        this.answer = Objects.requireNonNull(answer);
        this.comment = said;
        this.answeredBy = Objects.requireNonNull(by);
        this.answeredAt = Objects.requireNonNull(at);
    }

    SubProcessorChange change() {
        return change;
    }

    ChangeAnswerView toView() {
        return new ChangeAnswerView(change.id(), tenantSiren, answer, comment, answeredBy, answeredAt);
    }
}
