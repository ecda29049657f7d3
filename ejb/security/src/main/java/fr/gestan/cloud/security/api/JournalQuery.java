package fr.gestan.cloud.security.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;

/** Reading the access journal: all of it for auditors and administrators, one tenant's entries for its client. */
public interface JournalQuery {

    /** The newest entries first. */
    List<JournalEntryView> latest(@Min(value = 1, message = "{page.size.invalid}") @Max(value = 500, message = "{page.size.invalid}") int max);

    /** One page of the journal, newest first. */
    List<JournalEntryView> page(@Min(value = 0, message = "{page.first.invalid}") int first,
                                @Min(value = 1, message = "{page.size.invalid}") @Max(value = 500, message = "{page.size.invalid}") int max);

    long count();

    /**
     * One page of a tenant's entries, newest first. Clients may call it for their own company only: the bean
     * enforces it ({@code TenantConfinement}), whatever tenant the caller passes.
     */
    List<JournalEntryView> ofTenant(@NotNull(message = "{tenant.siren.required}") @Pattern(regexp = "\\d{9}", message = "{tenant.siren.format}") String tenantRef,
                                    @Min(value = 0, message = "{page.first.invalid}") int first,
                                    @Min(value = 1, message = "{page.size.invalid}") @Max(value = 500, message = "{page.size.invalid}") int max);

    /**
     * {@link #ofTenant} and {@link #countOfTenant} in one statement: a page of a tenant's entries, newest first, with
     * their log positions, and how many the tenant has (the client's journal page). Same confinement as {@code ofTenant}.
     */
    JournalPage pageOfTenant(@NotNull(message = "{tenant.siren.required}") @Pattern(regexp = "\\d{9}", message = "{tenant.siren.format}") String tenantRef,
                             @Min(value = 0, message = "{page.first.invalid}") int first,
                             @Min(value = 1, message = "{page.size.invalid}") @Max(value = 500, message = "{page.size.invalid}") int max);

    /**
     * {@link #pageOfTenant}, except that past the tenant's last page it is its last page (the client journal's address
     * of a page that no longer exists, or a number typed in): one statement either way, where asking again took two
     * more (the count, then the last page). {@link JournalPage#first()} says which rows were read: {@code first}
     * itself when the tenant has more entries, else the last page's first row (a multiple of {@code max}), 0 for a
     * tenant without entries. Same confinement as {@code ofTenant}.
     */
    JournalPage pageOfTenantWithin(@NotNull(message = "{tenant.siren.required}") @Pattern(regexp = "\\d{9}", message = "{tenant.siren.format}") String tenantRef,
                                   @Min(value = 0, message = "{page.first.invalid}") int first,
                                   @Min(value = 1, message = "{page.size.invalid}") @Max(value = 500, message = "{page.size.invalid}") int max);

    /**
     * The log position of an entry (by its id, as {@code AccessJournal.record} returns it), or null while it is not
     * sequenced yet (within a fraction of a second of its commit). Anyone: the notification sender asks it to name the
     * entry in a notice; a position says nothing of the entry.
     */
    Long positionOf(long entryId);

    long countOfTenant(@NotNull(message = "{tenant.siren.required}") @Pattern(regexp = "\\d{9}", message = "{tenant.siren.format}") String tenantRef);
}
