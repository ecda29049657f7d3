package fr.gestan.cloud.compliance.internal;

import fr.gestan.cloud.common.persistence.NodeMemo;
import fr.gestan.cloud.common.persistence.ReferenceWrites;
import fr.gestan.cloud.compliance.internal.rules.TenantFacts;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The reference data of a single evaluation ({@link ComplianceFactsReader.Shared}: data centres, operators, policy,
 * staff, sub-processors and the production servers' controls as first needed), the same for every tenant: the client
 * dashboard's compliance tile read it at each view (about 15 of its 21 statements). Kept {@value #FRESH_MILLIS} ms on
 * this node for its day, void at once when this node writes what it is read from (the owning modules' entities bump
 * {@link ReferenceWrites}); another node's writes, and what time alone changes (a backup becoming overdue), show
 * within {@value #FRESH_MILLIS} ms. Batches read their own per page ({@link ComplianceFactsReader#sharedFor}).
 * <p>
 * A timer computes it ahead ({@link #ahead}, {@code ReferenceAhead}) with the controls of the production servers that
 * views asked for since: otherwise the view that found it out of date, one in every window, read the reference data
 * and then each view that first asked for a server's controls in the new value read them (eight statements a server),
 * the dashboard's slowest views (docs/performance.md, "the client dashboard's tail").
 */
final class SharedReferenceCache {

    static final long FRESH_MILLIS = 5_000;

    private final NodeMemo<ComplianceFactsReader.Shared> memo = new NodeMemo<>(FRESH_MILLIS, ReferenceWrites.GENERATION);

    static final SharedReferenceCache NODE = new SharedReferenceCache();

    /** The production servers whose controls views asked for since the value was last computed ahead. */
    private final Set<String> asked = ConcurrentHashMap.newKeySet();

    ComplianceFactsReader.Shared get(LocalDate on, Function<LocalDate, ComplianceFactsReader.Shared> read) {
        ComplianceFactsReader.Shared shared = memo.get(() -> read.apply(on));
        if (!shared.on().equals(on)) { // kept from another day (midnight in Paris): read for this one
            memo.changed();
            shared = memo.get(() -> read.apply(on));
        }
        return shared;
    }

    /** A view asked for a production server's controls in the value kept: the next value computed ahead holds them. */
    void asked(String server) {
        if (server != null) {
            asked.add(server);
        }
    }

    /**
     * The timer's call, in {@code NodeMemo.ahead}: the value, computed again when past half its window (and views read
     * it in the last minute) with the controls of the servers views asked for since the last time ({@code controlsOf}:
     * in one call for all of them), so that the views find both ready.
     */
    ComplianceFactsReader.Shared ahead(LocalDate on, Function<LocalDate, ComplianceFactsReader.Shared> read,
                                       Function<Set<String>, Map<String, List<TenantFacts.Control>>> controlsOf) {
        return get(on, day -> {
            ComplianceFactsReader.Shared shared = read.apply(day);
            Set<String> servers = Set.copyOf(asked);
            asked.removeAll(servers);
            if (!servers.isEmpty()) {
                shared.controls().putAll(controlsOf.apply(servers));
            }
            return shared;
        });
    }
}
