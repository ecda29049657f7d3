package fr.gestan.cloud.contracts.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/** The data centres (and, later, operators and servers) the offer runs on. */
public interface HostingInventory {

    /** Adds a data centre. Administrators only. */
    DataCentreView addDataCentre(@NotNull(message = "{datacentre.required}") @Valid NewDataCentre dataCentre);

    /** Every data centre, ordered by code. Any signed-in user. */
    List<DataCentreView> dataCentres();
}
