package fr.gestan.cloud.tenants.api;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Self-service exports: a ZIP of everything this module keeps about a tenant (company record and contacts, hosted
 * accounts without secrets, change requests, the tenant's access-journal entries), in JSON and CSV, with a
 * {@code MANIFEST} of SHA-256 digests. Built in the background with visible progress, streamed to a file and
 * streamed back on download (bounded memory), removed when it expires. A client exports and downloads its own
 * company only; staff may export any tenant. Starts and downloads are journaled.
 */
public interface DataExports {

    /** How many exports {@link #mine()} lists at most. */
    int RECENT = 10;

    /**
     * Starts an export of the signed-in client's company (its row and journal entry in the request; the ZIP is built
     * in the background) and returns it as started. Clients only.
     */
    ExportView startMine() throws TenantNotFoundException;

    /** Starts an export of a tenant. Staff only. */
    ExportView start(long tenantId) throws TenantNotFoundException;

    /** The signed-in client's {@value #RECENT} most recent exports, newest first. Clients only. */
    List<ExportView> mine() throws TenantNotFoundException;

    /** One export's state (the caller's own, or any for staff). */
    ExportView get(long id) throws ExportNotFoundException;

    /** Writes a ready export's ZIP to {@code out} and journals the download. */
    void download(long id, OutputStream out) throws ExportNotFoundException, IOException;
}
