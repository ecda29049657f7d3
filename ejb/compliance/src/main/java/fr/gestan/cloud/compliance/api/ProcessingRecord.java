package fr.gestan.cloud.compliance.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;

/**
 * The processor's record of processing activities (GDPR art. 30(2)): entries kept by staff per tenant. Support and
 * administrators edit; auditors read; a client reads its own part.
 */
public interface ProcessingRecord {

    List<ProcessingEntryView> of(@NotNull(message = "{tenant.siren.required}") @Pattern(regexp = "\\d{9}", message = "{tenant.siren.format}") String siren);

    /** The calling client's part of the record. Clients only. */
    List<ProcessingEntryView> mine();

    ProcessingEntryView add(@NotNull(message = "{tenant.siren.required}") @Pattern(regexp = "\\d{9}", message = "{tenant.siren.format}") String siren,
                            @NotNull(message = "{record.entry.required}") @Valid ProcessingEntry entry);

    ProcessingEntryView change(long id, long expectedVersion, @NotNull(message = "{record.entry.required}") @Valid ProcessingEntry entry)
            throws DocumentNotFoundException;

    void remove(long id) throws DocumentNotFoundException;

    /** The whole record (staff and auditors), or the client's own part (clients), as PDF. */
    byte[] pdf();
}
