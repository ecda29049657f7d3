package fr.gestan.cloud.tenants.api;

import java.io.IOException;

/**
 * A module's share of a tenant's self-service data export. Each module that keeps data about a tenant (hosting
 * contracts, compliance documents and certificates...) implements it as a local EJB; the tenants module finds
 * every implementation in the application and calls it while it streams the ZIP.
 *
 * <p>Called with the requester's identity (the client itself, or support/admin staff): an implementation must
 * confine a client to its own tenant, exactly as its module's services do.
 */
public interface TenantExportContributor {

    /** The folder of this module's files in the ZIP ({@code hosting}, {@code compliance}...), unique per module. */
    String folder();

    /**
     * Writes this module's files about the tenant: JSON and CSV for records, the documents themselves (PDF) as
     * they were issued. Each file is streamed; nothing may be held whole in memory.
     */
    void contribute(String tenantSiren, ExportFiles files) throws IOException;
}
