package fr.gestan.cloud.hosting.api;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A sub-processor change as told to the clients: who, what changes from {@code effectiveOn}, until when clients may
 * object ({@code objectionUntil}, inclusive), and how many clients were told, accepted and objected. For an
 * {@link SubProcessorChangeKind#OWNER_CHANGED} change, the new owner and its country (null otherwise).
 */
public record SubProcessorChangeView(long id, long subProcessorId, String name, SubProcessorRole role, String country,
                                     String servicesFr, String servicesEn, SubProcessorChangeKind kind, LocalDate effectiveOn,
                                     LocalDate objectionUntil, Instant notifiedAt, String notifiedBy, long clientsTold,
                                     long accepted, long objected, String newOwner, String newOwnerCountry) implements java.io.Serializable {

    /** Clients may still answer on that day. */
    public boolean openOn(LocalDate day) {
        return !day.isAfter(objectionUntil);
    }

    /** The notice's place in the client portal (relative to the application's root). */
    public String portalPath() {
        return "/portal/subprocessors.xhtml#change-" + id;
    }
}
