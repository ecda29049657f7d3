package fr.gestan.cloud.hosting.api;

import java.io.Serializable;
import java.util.List;

/**
 * What the back office's inventory shows when it opens, read in one call ({@link HostingInventory#inventoryPage}): the
 * operators with their ownership history, the data centres with their certifications, and a page of the servers with
 * their count and the alerts.
 */
public record InventoryPage(List<OperatorView> operators, List<DataCentreView> dataCentres, ServerPage servers)
        implements Serializable {

    public InventoryPage {
        operators = List.copyOf(operators);
        dataCentres = List.copyOf(dataCentres);
    }
}
