package fr.gestan.cloud.hosting.api;

/**
 * What a client sees of the recovery plan: for its contract on a server, its position among the tenants restored
 * after a disaster and the estimated time until its service is back (minutes from the start of the recovery).
 */
public record MyRecoveryView(long contractId, String serverName, String dataCentreCode, int position, int tenantCount,
                             int estimatedMinutes, boolean fromDrill) implements java.io.Serializable {
}
