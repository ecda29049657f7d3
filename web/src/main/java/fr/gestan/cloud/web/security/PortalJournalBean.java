package fr.gestan.cloud.web.security;

import fr.gestan.cloud.web.layout.DatabasePages;
import fr.gestan.cloud.security.api.CheckpointView;
import fr.gestan.cloud.security.api.JournalEntryView;
import fr.gestan.cloud.security.api.JournalIntegrity;
import fr.gestan.cloud.security.api.JournalQuery;
import fr.gestan.cloud.tenants.api.TenantNotFoundException;
import fr.gestan.cloud.tenants.api.TenantService;
import fr.gestan.cloud.web.i18n.Bundle;
import fr.gestan.cloud.web.i18n.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** The client's view of its company's journal entries and of the latest signed checkpoint. */
@Named
@ViewScoped
public class PortalJournalBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    transient JournalQuery journal;
    @EJB
    transient JournalIntegrity integrity;
    @EJB
    transient TenantService tenants;
    @Inject
    @Bundle("smsg")
    Messages messages;

    private String tenant;
    private CheckpointView latestCheckpoint;
    private final LazyDataModel<JournalEntryView> entries = new DatabasePages<>(
            () -> tenant == null ? 0 : journal.countOfTenant(tenant),
            (first, size, sort) -> tenant == null ? List.of() : journal.ofTenant(tenant, first, size),
            entry -> Long.toString(entry.id()), 500);

    @PostConstruct
    void load() {
        try {
            tenant = tenants.myCompany().siren();
        } catch (TenantNotFoundException e) {
            messages.error("portal.journal.noCompany");
        }
        latestCheckpoint = integrity.latestCheckpoint().orElse(null);
    }

    public boolean isAvailable() {
        return tenant != null;
    }

    public CheckpointView getLatestCheckpoint() {
        return latestCheckpoint;
    }

    public LazyDataModel<JournalEntryView> getEntries() {
        return entries;
    }

}
