package fr.gestan.cloud.security.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;

/** Reading the access journal. Auditors and administrators only. */
public interface JournalQuery {

    /** The newest entries first. */
    List<JournalEntryView> latest(@Min(value = 1, message = "{page.size.invalid}") @Max(value = 500, message = "{page.size.invalid}") int max);

    long count();
}
