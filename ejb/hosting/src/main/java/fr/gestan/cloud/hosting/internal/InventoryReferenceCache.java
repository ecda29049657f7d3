package fr.gestan.cloud.hosting.internal;

import fr.gestan.cloud.common.persistence.NodeMemo;
import fr.gestan.cloud.common.persistence.ReferenceWrites;
import fr.gestan.cloud.hosting.api.DataCentreView;
import fr.gestan.cloud.hosting.api.OperatorView;
import java.util.List;
import java.util.function.Supplier;

/**
 * The operators (with their changes of control) and the data centres (with their certifications) as the staff screens
 * show them at each view: the inventory ({@link HostingInventoryBean#inventoryPage}) and the back office's dashboard
 * ({@link HostingInventoryBean#keptDataCentres}), the same for every staff member (docs/performance.md 4.51, 4.53).
 * Kept {@value #FRESH_MILLIS} ms on this node and void at once when this node writes an operator, a change of control, a
 * data centre or a certification ({@link ReferenceWrites}); another node's writes, and a change of control taking
 * effect, show within {@value #FRESH_MILLIS} ms. Never read for an evaluation (rules, certificates, /trust's figures):
 * those read {@link HostingInventoryBean#operators()} and {@code dataCentres()} as stored.
 */
final class InventoryReferenceCache {

    static final long FRESH_MILLIS = 5_000;

    private static final NodeMemo<List<OperatorView>> OPERATORS = new NodeMemo<>(FRESH_MILLIS, ReferenceWrites.GENERATION);
    private static final NodeMemo<List<DataCentreView>> DATA_CENTRES = new NodeMemo<>(FRESH_MILLIS, ReferenceWrites.GENERATION);

    private InventoryReferenceCache() {
    }

    static List<OperatorView> operators(Supplier<List<OperatorView>> read) {
        return OPERATORS.get(read);
    }

    static List<DataCentreView> dataCentres(Supplier<List<DataCentreView>> read) {
        return DATA_CENTRES.get(read);
    }
}
