package fr.gestan.cloud.hosting.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * The list of sub-processors, with the days between which each processes the clients' data: the one source the
 * processor agreement, the record of processing, {@code /trust} and the compliance rules R3 (every site's operator
 * is a sub-processor in effect, every sub-processor in the EU) and R4 (every sub-processor free of non-EU control)
 * read. See docs/hosting.md, "Sub-processors".
 *
 * <p>For the notifications issue (objection notices, GDPR art. 28(2)): an entry added with a future
 * {@code effectiveFrom} is a planned change ({@link #planned}), and {@link #end} sets the last day of one; both are
 * journaled ({@code SUB_PROCESSOR_ADDED}, {@code SUB_PROCESSOR_ENDED}) with the entry's id, so a notice can be sent
 * from the journal or from {@link #planned} before the day comes. A hosting operator entered with
 * {@link HostingInventory#addOperator} becomes a sub-processor the same day.
 */
public interface SubProcessors {

    /** The sub-processors in effect on that day (Paris), by role then name. Anyone (the public /trust page). */
    List<SubProcessorView> inEffect(@NotNull(message = "{subprocessor.day}") LocalDate on);

    /** The entries not yet in effect on that day, by effective date: the changes clients are to be told of. Staff. */
    List<SubProcessorView> planned(@NotNull(message = "{subprocessor.day}") LocalDate after);

    /** Every entry, past, present and planned, by effective date. Staff. */
    List<SubProcessorView> all();

    /**
     * Adds a sub-processor (administrators, journaled). Refused ({@link HostingRefusedException}): a hosting operator
     * that is not entered ({@code NOT_FOUND}), an entry of the same name overlapping in time ({@code DUPLICATE}),
     * a largest holder above the total ({@code INVALID_SHARES}).
     */
    SubProcessorView add(@NotNull(message = "{subprocessor.required}") @Valid NewSubProcessor request);

    /** Sets the last day on which a sub-processor processes data (administrators, journaled with the reason). */
    SubProcessorView end(long id, @NotNull(message = "{subprocessor.day}") LocalDate lastDay,
                         @NotBlank(message = "{subprocessor.reason}") @Size(max = 500, message = "{subprocessor.reason}") String reason);
}
