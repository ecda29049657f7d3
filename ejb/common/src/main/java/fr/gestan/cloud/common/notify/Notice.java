package fr.gestan.cloud.common.notify;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One event to announce, as a module tells it to the notification outbox. The notifications module finds the
 * recipients (subscribers of the servers or data centres named here, the tenant's security contact) and writes the
 * messages.
 *
 * @param kind        what happened
 * @param tenantRef   the tenant concerned (its SIREN), or {@code null}
 * @param servers     the ids of the servers concerned (status notices), possibly empty
 * @param dataCentres the codes of the data centres of those servers, possibly empty
 * @param facts       what the message says, by name ({@code title}, {@code message}, {@code actor}, {@code reason}...):
 *                    plain text, at most 2,000 characters each
 * @param clients     the tenants (SIRENs) hosted on the servers concerned (status notices): each is told by default
 */
public record Notice(NoticeKind kind, String tenantRef, Set<Long> servers, Set<String> dataCentres, Map<String, String> facts,
                     Set<String> clients) {

    public static final int MAX_FACT = 2000;

    public Notice {
        Objects.requireNonNull(kind, "kind");
        servers = servers == null ? Set.of() : Set.copyOf(servers);
        clients = clients == null ? Set.of() : Set.copyOf(clients);
        dataCentres = dataCentres == null ? Set.of() : Set.copyOf(dataCentres);
        Map<String, String> copy = new LinkedHashMap<>();
        if (facts != null) {
            facts.forEach((name, value) -> {
                if (!name.matches("[a-zA-Z][a-zA-Z0-9]{0,30}")) {
                    throw new IllegalArgumentException("fact names are short identifiers: " + name);
                }
                if (value != null) {
                    copy.put(name, value.length() <= MAX_FACT ? value : value.substring(0, MAX_FACT));
                }
            });
        }
        facts = java.util.Collections.unmodifiableMap(copy);
    }

    /** A notice to no client in particular. */
    public Notice(NoticeKind kind, String tenantRef, Set<Long> servers, Set<String> dataCentres, Map<String, String> facts) {
        this(kind, tenantRef, servers, dataCentres, facts, Set.of());
    }

    /** A status notice about servers (incident or maintenance). */
    public static Notice status(NoticeKind kind, Set<Long> servers, Set<String> dataCentres, Map<String, String> facts) {
        if (!kind.isStatus()) {
            throw new IllegalArgumentException(kind + " is not a status notice");
        }
        return new Notice(kind, null, servers, dataCentres, facts);
    }

    /** A status notice, also to the clients hosted on those servers (subscribed by default, docs/notifications.md). */
    public static Notice status(NoticeKind kind, Set<Long> servers, Set<String> dataCentres, Map<String, String> facts, Set<String> clients) {
        if (!kind.isStatus()) {
            throw new IllegalArgumentException(kind + " is not a status notice");
        }
        return new Notice(kind, null, servers, dataCentres, facts, clients);
    }

    /**
     * A notice to a tenant's security contact that staff accessed its data: {@code action} is the journal's action
     * code, {@code target} what was accessed, {@code reason} the reason typed by the staff member, {@code journalEntry}
     * the id of the journal entry recording it ({@code AccessJournal.record}): the message names its log position.
     */
    public static Notice staffAccess(String tenantRef, String action, String target, String reason, long journalEntry) {
        Objects.requireNonNull(tenantRef, "tenantRef");
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("action", action);
        facts.put("target", target);
        facts.put("reason", reason);
        facts.put("journalEntry", Long.toString(journalEntry));
        return new Notice(NoticeKind.STAFF_ACCESS, tenantRef, Set.of(), Set.of(), facts);
    }

    /**
     * A notice to a client (its administrative contact) that a sub-processor is added or ends: {@code facts} name it
     * ({@code name}, {@code country}, {@code services}), the change ({@code change}: ADDED or ENDED), its
     * {@code effectiveOn} and {@code objectionUntil} days.
     */
    public static Notice subProcessorChange(String tenantRef, Map<String, String> facts) {
        Objects.requireNonNull(tenantRef, "tenantRef");
        return new Notice(NoticeKind.SUB_PROCESSOR_CHANGE, tenantRef, Set.of(), Set.of(), facts);
    }

    /**
     * A notice to a client (its administrative and technical contacts) that a certificate was issued to it:
     * {@code number}, {@code validUntil} (day, dd/MM/yyyy) and {@code supersedes} (the number it replaces, or
     * {@code null}); the message links the portal's certificates.
     */
    public static Notice certificateIssued(String tenantRef, String number, String validUntil, String supersedes) {
        Objects.requireNonNull(tenantRef, "tenantRef");
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("number", number);
        facts.put("validUntil", validUntil);
        facts.put("supersedes", supersedes == null ? "NONE" : "REPLACES");
        facts.put("previous", supersedes == null ? "" : supersedes);
        return new Notice(NoticeKind.CERTIFICATE_ISSUED, tenantRef, Set.of(), Set.of(), facts);
    }

    /** A fact, or the empty string. */
    public String fact(String name) {
        return facts.getOrDefault(name, "");
    }
}
