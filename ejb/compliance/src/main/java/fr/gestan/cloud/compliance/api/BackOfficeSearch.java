package fr.gestan.cloud.compliance.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The back office's one search field: a company (name or SIREN), a contract (number), a certificate (number) or a
 * server (name). Each kind is searched in its owning module's database (companies and certificates with a counted,
 * paginated query; servers are few). Staff and auditors; the search itself is not journaled (it reads no client data
 * beyond names and numbers).
 */
public interface BackOfficeSearch {

    /** Longest text searched. */
    int MAX_TEXT = 100;

    /**
     * The hits for {@code text}: with {@code kind} null, the first {@code max} of every kind (each group with its total);
     * with a kind, that kind's page from {@code first}.
     */
    SearchResults search(@NotBlank(message = "{search.text.required}") @Size(max = MAX_TEXT, message = "{search.text.size}") String text,
                         SearchKind kind,
                         @Min(value = 0, message = "{page.first.invalid}") int first,
                         @Min(value = 1, message = "{page.size.invalid}") @Max(value = 50, message = "{page.size.invalid}") int max);
}
