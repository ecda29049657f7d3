package fr.gestan.cloud.tenants.internal;

import fr.gestan.cloud.common.Roles;
import fr.gestan.cloud.common.journal.JournalEvent;
import fr.gestan.cloud.common.notify.Notice;
import fr.gestan.cloud.common.notify.Notifications;
import fr.gestan.cloud.common.runs.AfterResponse;
import fr.gestan.cloud.tenants.api.DataExports;
import fr.gestan.cloud.tenants.api.ExportNotFoundException;
import fr.gestan.cloud.tenants.api.ExportView;
import fr.gestan.cloud.tenants.api.TenantNotFoundException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.time.Instant;
import java.util.List;

@Stateless
@RolesAllowed({Roles.SUPPORT, Roles.ADMIN})
public class DataExportsBean extends TenantsServiceBase implements DataExports {

    @EJB
    Notifications notifications;

    @EJB
    ExportStore store;

    @EJB
    ExportWorker worker;

    // NOT_SUPPORTED (start too): the writes are ExportStore.create's own transaction; around them a transaction of this
    // call only read the caller's company and cost a connection check and a commit (docs/performance.md 4.37).
    @Override
    @RolesAllowed({Roles.CLIENT, Roles.API_WRITE})
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public ExportView startMine() throws TenantNotFoundException {
        CallerLinks.Link link = callersLink()
                .orElseThrow(() -> new TenantNotFoundException("No company is linked to portal user " + actor()));
        return startFor(link.tenantId(), link.siren());
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public ExportView start(long tenantId) throws TenantNotFoundException {
        Tenant tenant = em.find(Tenant.class, tenantId);
        if (tenant == null) {
            throw new TenantNotFoundException("No tenant " + tenantId);
        }
        return startFor(tenant.id(), tenant.siren());
    }

    ExportView startFor(long tenantId, String siren) {
        // The row and its journal entry are committed at once (their own transaction) so the background worker always
        // finds the row. The view as created is returned: read again, it would only show the worker's first progress.
        ExportView started = store.create(tenantId, siren, actor());
        // The build (17 to 30 times this request's CPU) starts once the response is sent, not during its render; a
        // server stopped in between leaves the row running without a heartbeat: marked interrupted as any other.
        AfterResponse.run(() -> worker.build(started.id()));
        return started;
    }

    @Override
    @RolesAllowed({Roles.CLIENT, Roles.API_READ})
    public List<ExportView> mine() throws TenantNotFoundException {
        // the caller's company as the request read it (the header's name then reads nothing), by reference: no tenant read
        return em.createNamedQuery(TenantExport.OF_TENANT, TenantExport.class).setParameter("tenant", em.getReference(Tenant.class, callersTenantId()))
                .setMaxResults(RECENT).getResultList().stream().map(TenantExport::toView).toList();
    }

    @Override
    @RolesAllowed({Roles.CLIENT, Roles.API_READ, Roles.SUPPORT, Roles.ADMIN})
    public ExportView get(long id) throws ExportNotFoundException {
        return visible(id).toView();
    }

    @Override
    @RolesAllowed({Roles.CLIENT, Roles.API_READ, Roles.SUPPORT, Roles.ADMIN})
    public void download(long id, OutputStream out) throws ExportNotFoundException, IOException {
        TenantExport export = visible(id);
        if (!export.downloadable(Instant.now())) {
            throw new ExportNotFoundException(id);
        }
        long entry = journal.record(JournalEvent.success("EXPORT_DOWNLOADED", export.tenant().siren(), "export " + id));
        if (!caller.isCallerInRole(Roles.CLIENT)) {
            notifications.publish(Notice.staffAccess(export.tenant().siren(), "EXPORT_DOWNLOADED", "export " + id, null, entry));
        }
        try (InputStream in = Files.newInputStream(ExportStore.directory().resolve(export.fileName()))) {
            in.transferTo(out);
        } catch (NoSuchFileException e) {
            throw new ExportNotFoundException(id);
        }
    }

    /** The export if the caller may see it: staff any, a client only its own company's (else "not found"). */
    private TenantExport visible(long id) throws ExportNotFoundException {
        TenantExport export = em.find(TenantExport.class, id);
        if (export == null) {
            throw new ExportNotFoundException(id);
        }
        if (caller.isCallerInRole(Roles.SUPPORT) || caller.isCallerInRole(Roles.ADMIN)) {
            return export;
        }
        // a client linked to no company sees no export
        if (callersLink().filter(l -> l.tenantId() == export.tenant().id()).isPresent()) {
            return export;
        }
        throw new ExportNotFoundException(id);
    }
}
