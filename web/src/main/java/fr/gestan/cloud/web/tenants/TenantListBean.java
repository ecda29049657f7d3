package fr.gestan.cloud.web.tenants;

import fr.gestan.cloud.tenants.api.TenantQuery;
import fr.gestan.cloud.tenants.api.TenantService;
import fr.gestan.cloud.tenants.api.TenantState;
import fr.gestan.cloud.tenants.api.TenantView;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * The staff list of tenants: lazy, sorted and filtered in the database. Each page costs one query for its rows and
 * at most one for the count (the model asks for both through {@link #load}).
 */
@Named
@ViewScoped
public class TenantListBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    transient TenantService tenants;

    private String text;
    private TenantState state;
    private final LazyDataModel<TenantView> model = new Model();

    public LazyDataModel<TenantView> getModel() {
        return model;
    }

    public TenantState[] getStates() {
        return TenantState.values();
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public TenantState getState() {
        return state;
    }

    public void setState(TenantState state) {
        this.state = state;
    }

    private TenantQuery query(TenantQuery.Sort sort, boolean ascending, int first, int max) {
        return new TenantQuery(text == null || text.isBlank() ? null : text.strip(), state, null, sort, ascending, first, max);
    }

    private class Model extends LazyDataModel<TenantView> {

        private static final long serialVersionUID = 1L;
        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) Math.min(Integer.MAX_VALUE, tenants.countMatching(query(TenantQuery.Sort.LEGAL_NAME, true, 0, 1)));
        }

        @Override
        public List<TenantView> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            TenantQuery.Sort sort = TenantQuery.Sort.LEGAL_NAME;
            boolean ascending = true;
            for (SortMeta meta : sortBy.values()) {
                sort = switch (meta.getField()) {
                    case "siren" -> TenantQuery.Sort.SIREN;
                    case "state" -> TenantQuery.Sort.STATE;
                    case "createdAt" -> TenantQuery.Sort.CREATED_AT;
                    default -> TenantQuery.Sort.LEGAL_NAME;
                };
                ascending = meta.getOrder() != SortOrder.DESCENDING;
                break;
            }
            return tenants.rows(query(sort, ascending, first, Math.min(Math.max(pageSize, 1), 500)));
        }

        @Override
        public String getRowKey(TenantView tenant) {
            return Long.toString(tenant.id());
        }
    }
}
