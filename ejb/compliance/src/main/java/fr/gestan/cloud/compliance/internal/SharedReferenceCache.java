package fr.gestan.cloud.compliance.internal;

import fr.gestan.cloud.common.persistence.NodeMemo;
import fr.gestan.cloud.common.persistence.ReferenceWrites;
import java.time.LocalDate;
import java.util.function.Function;

/**
 * The reference data of a single evaluation ({@link ComplianceFactsReader.Shared}: data centres, operators, policy,
 * staff, sub-processors and the production servers' controls as first needed), the same for every tenant: the client
 * dashboard's compliance tile read it at each view (about 15 of its 21 statements). Kept {@value #FRESH_MILLIS} ms on
 * this node for its day, void at once when this node writes what it is read from (the owning modules' entities bump
 * {@link ReferenceWrites}); another node's writes, and what time alone changes (a backup becoming overdue), show
 * within {@value #FRESH_MILLIS} ms. Batches read their own per page ({@link ComplianceFactsReader#sharedFor}).
 */
final class SharedReferenceCache {

    static final long FRESH_MILLIS = 5_000;

    private final NodeMemo<ComplianceFactsReader.Shared> memo = new NodeMemo<>(FRESH_MILLIS, ReferenceWrites.GENERATION);

    static final SharedReferenceCache NODE = new SharedReferenceCache();

    ComplianceFactsReader.Shared get(LocalDate on, Function<LocalDate, ComplianceFactsReader.Shared> read) {
        ComplianceFactsReader.Shared shared = memo.get(() -> read.apply(on));
        if (!shared.on().equals(on)) { // kept from another day (midnight in Paris): read for this one
            memo.changed();
            shared = memo.get(() -> read.apply(on));
        }
        return shared;
    }
}
