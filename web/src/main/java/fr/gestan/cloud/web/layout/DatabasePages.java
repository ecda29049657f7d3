package fr.gestan.cloud.web.layout;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * A PrimeFaces lazy table paged in the database: the count and one page come from a service, never the whole list.
 * The functions are serialisable so that the view-scoped bean holding the model can be.
 */
public final class DatabasePages<T> extends LazyDataModel<T> {

    private static final long serialVersionUID = 1L;

    /** How many rows there are. */
    public interface Count extends Serializable {
        long count();
    }

    /** One page; {@code sort} is the column the user sorted by, or null. */
    public interface Load<T> extends Serializable {
        List<T> page(int first, int size, SortMeta sort);
    }

    /** A row's key, for selection. */
    public interface RowKey<T> extends Serializable {
        String of(T row);
    }

    private final Count count;
    private final Load<T> load;
    private final RowKey<T> rowKey;
    private final int maxPageSize;

    public DatabasePages(Count count, Load<T> load, RowKey<T> rowKey, int maxPageSize) {
        this.count = count;
        this.load = load;
        this.rowKey = rowKey;
        this.maxPageSize = maxPageSize;
    }

    /** Whether the user sorted ascending (or did not sort). */
    public static boolean ascending(SortMeta sort) {
        return sort == null || sort.getOrder() != SortOrder.DESCENDING;
    }

    /** The sorted column's field name, or null. */
    public static String field(SortMeta sort) {
        return sort == null ? null : sort.getField();
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return (int) Math.min(Integer.MAX_VALUE, count.count());
    }

    @Override
    public List<T> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        SortMeta sort = sortBy.values().stream().findFirst().orElse(null);
        return load.page(first, Math.min(Math.max(pageSize, 1), maxPageSize), sort);
    }

    @Override
    public String getRowKey(T row) {
        return rowKey.of(row);
    }
}
