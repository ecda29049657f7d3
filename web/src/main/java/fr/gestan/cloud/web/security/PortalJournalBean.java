package fr.gestan.cloud.web.security;

import fr.gestan.cloud.security.api.CheckpointView;
import fr.gestan.cloud.security.api.JournalEntryView;
import fr.gestan.cloud.security.api.JournalIntegrity;
import fr.gestan.cloud.security.api.JournalQuery;
import fr.gestan.cloud.tenants.api.TenantNotFoundException;
import fr.gestan.cloud.tenants.api.TenantService;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
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
    SecurityMessages messages;

    private String tenant;
    private CheckpointView latestCheckpoint;
    private final LazyDataModel<JournalEntryView> entries = new EntriesModel();

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

    private class EntriesModel extends LazyDataModel<JournalEntryView> {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return tenant == null ? 0 : (int) Math.min(Integer.MAX_VALUE, journal.countOfTenant(tenant));
        }

        @Override
        public List<JournalEntryView> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            return tenant == null ? List.of() : journal.ofTenant(tenant, first, Math.min(pageSize, 500));
        }

        @Override
        public String getRowKey(JournalEntryView entry) {
            return Long.toString(entry.id());
        }
    }
}
