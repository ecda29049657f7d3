package fr.gestan.cloud.hosting.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The sub-processor changes told to the clients (GDPR art. 28(2), docs/notifications.md): when an administrator adds
 * a sub-processor or sets its last day ({@link SubProcessors}), every client whose servers it concerns is notified in
 * the same transaction, with the effective date and an objection period ({@code objectionDays} of the security policy in effect,
 * default 30). The client accepts or objects with a comment until the period ends (journaled); staff see the answers
 * per change.
 */
public interface SubProcessorChanges {

    /** Every change, newest first, with its counts. Staff and auditors. */
    List<SubProcessorChangeView> changes();

    /** The clients told of one change with their answers, objections first. Staff and auditors. */
    List<ChangeAnswerView> answers(long changeId);

    /**
     * The changes one company was told of, newest first (the processor agreement cites those that outdated its
     * acceptance). A client only for its own company (others: an empty list); staff and auditors any.
     */
    List<SubProcessorChangeView> toldTo(String tenantSiren);

    /** The changes the calling client was told of, newest first. Clients. */
    List<MyChangeView> mine();

    /**
     * The calling client accepts or objects to a change it was told of, while the period is open; it may change its
     * answer until then. An objection needs a comment. Refused ({@link HostingRefusedException}): a change it was not
     * told of ({@code NOT_FOUND}), the period over ({@code OBJECTION_PERIOD_OVER}), an objection without a comment
     * ({@code COMMENT_REQUIRED}). Clients; journaled ({@code SUB_PROCESSOR_ACCEPTED}, {@code SUB_PROCESSOR_OBJECTED}).
     */
    MyChangeView answer(long changeId, @NotNull(message = "{subprocessor.answer.required}") ChangeAnswer answer,
                        @Size(max = 1000, message = "{subprocessor.comment.size}") String comment);
}
