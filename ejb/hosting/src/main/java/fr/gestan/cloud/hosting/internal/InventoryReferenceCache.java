package fr.gestan.cloud.hosting.internal;

import fr.gestan.cloud.common.persistence.NodeMemo;
import fr.gestan.cloud.common.persistence.ReferenceWrites;
import fr.gestan.cloud.hosting.api.DataCentreView;
import fr.gestan.cloud.hosting.api.OperatorView;
import java.util.List;
import java.util.function.Supplier;

/**
 * The operators (with their changes of control) and the data centres (with their certifications) that the back
 * office's inventory opens with ({@link HostingInventoryBean#inventoryPage}), the same for every staff member: two of its
 * three statements, and a sixth of a view's CPU at full scale (docs/performance.md, "hosting pages (pages11h)"). Kept
 * {@value #FRESH_MILLIS} ms on this node and void at once when this node writes an operator, a change of control, a
 * data centre or a certification ({@link ReferenceWrites}, the counter the compliance module's reference data is kept
 * on); another node's writes, and a change of control taking effect, show within {@value #FRESH_MILLIS} ms.
 */
final class InventoryReferenceCache {

    static final long FRESH_MILLIS = 5_000;

    /** The operators and the data centres, as {@link HostingInventoryBean#operators()} and {@code dataCentres()} read them. */
    record Reference(List<OperatorView> operators, List<DataCentreView> dataCentres) {
    }

    private static final NodeMemo<Reference> REFERENCE = new NodeMemo<>(FRESH_MILLIS, ReferenceWrites.GENERATION);

    private InventoryReferenceCache() {
    }

    static Reference get(Supplier<Reference> compute) {
        return REFERENCE.get(compute);
    }
}
