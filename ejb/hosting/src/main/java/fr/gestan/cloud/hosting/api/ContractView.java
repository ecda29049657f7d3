package fr.gestan.cloud.hosting.api;

import java.time.LocalDate;

/** A hosting contract as staff, and its own client, see it. */
public record ContractView(long id, String tenantSiren, String offer, LocalDate startsOn, LocalDate endsOn,
                           boolean autoRenew, ServiceLevel serviceLevel, long productionServerId,
                           String productionServer, String productionDataCentre, long backupServerId,
                           String backupServer, String backupDataCentre, int dataVolumeGb, ContractStatus status) implements java.io.Serializable {
}
