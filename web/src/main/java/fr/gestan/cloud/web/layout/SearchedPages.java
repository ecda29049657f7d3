package fr.gestan.cloud.web.layout;

import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIData;
import jakarta.faces.context.FacesContext;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * A PrimeFaces lazy table paged in the database by one service call that answers a page with the total
 * (a search that counts only when the page is full, for example), where {@link DatabasePages} makes two calls, the
 * count then the page, each in a transaction of its own (docs/performance.md 4.36).
 *
 * <p>The table asks for the count first, then for the page: the count's call asks for the rows the table is about to
 * load (its first row and page size while it draws; else the page it showed last, the first page at first), and the
 * page's call of the same request takes that answer when it asks for the same rows, else calls again. Nothing is kept
 * from one request to the next: each request's count calls the service.
 */
public final class SearchedPages<T> extends LazyDataModel<T> {

    private static final long serialVersionUID = 1L;

    /** One page and how many rows match. */
    public record Page<T>(List<T> rows, long total) {
    }

    /** One page; {@code sort} is the column the user sorted by, or null. */
    public interface Search<T> extends Serializable {
        Page<T> page(int first, int size, SortMeta sort);
    }

    /**
     * The page asked for last: its first row, its size, its sort (compared by column and order: {@code SortMeta}'s own
     * equality ignores the order).
     */
    private record Key(int first, int size, SortMeta sort) implements Serializable {
        private static final long serialVersionUID = 1L;

        boolean same(Key other) {
            return first == other.first && size == other.size && (sort == other.sort || sort != null && other.sort != null
                    && Objects.equals(sort.getField(), other.sort.getField()) && sort.getOrder() == other.sort.getOrder());
        }
    }

    private final Search<T> search;
    private final DatabasePages.RowKey<T> rowKey;
    private final int maxPageSize;
    private Key last;
    /** The answer of this request's count, for its page; the page it holds; the request it was read in. */
    private transient Page<T> answered;
    private transient Key answeredKey;
    private transient Object answeredIn;
    /** The current request's identity (its Faces context; the tests give their own). */
    transient Supplier<Object> requests;
    /**
     * The first row and the page size of the table being drawn, when the count is asked while it draws (the current
     * component), else null (the tests give their own).
     */
    transient Supplier<int[]> tables;

    public SearchedPages(Search<T> search, DatabasePages.RowKey<T> rowKey, int firstPageSize, int maxPageSize) {
        this.search = search;
        this.rowKey = rowKey;
        this.maxPageSize = maxPageSize;
        this.last = new Key(0, firstPageSize, null);
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        Key asked = last;
        int[] shown = table();
        if (shown != null && shown[1] > 0) {
            // the rows the table will load next: on a paging request, the page it was asked for, not the one shown last
            // (two calls a paging request before: docs/performance.md, "staff pages (pages9s)")
            asked = new Key(Math.max(0, shown[0]), Math.min(shown[1], maxPageSize), last.sort());
        }
        answered = search.page(asked.first(), asked.size(), asked.sort());
        answeredKey = asked;
        answeredIn = request();
        return (int) Math.min(Integer.MAX_VALUE, answered.total());
    }

    @Override
    public List<T> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        SortMeta sort = sortBy.values().stream().findFirst().orElse(null);
        Key key = new Key(first, Math.min(Math.max(pageSize, 1), maxPageSize), sort);
        Page<T> page = answered != null && answeredIn == request() && key.same(answeredKey) ? answered
                : search.page(key.first(), key.size(), key.sort());
        answered = null;
        answeredKey = null;
        answeredIn = null;
        last = key;
        return page.rows();
    }

    /**
     * The table goes back to its first page (a new search): the next count asks for the first page, in the size and
     * sort shown last, so that the page the table then loads is that answer (one call for a new search's count and page,
     * not one for the page shown before and one for the first).
     */
    public void firstPage() {
        last = new Key(0, last.size(), last.sort());
    }

    /** The table being drawn: its first row and its page size (null when the current component is no table). */
    private int[] table() {
        if (tables == null) {
            tables = () -> {
                FacesContext context = FacesContext.getCurrentInstance();
                return context != null && UIComponent.getCurrentComponent(context) instanceof UIData data
                        ? new int[] {data.getFirst(), data.getRows()} : null;
            };
        }
        return tables.get();
    }

    /** This request: its Faces context. */
    private Object request() {
        if (requests == null) {
            requests = FacesContext::getCurrentInstance;
        }
        return requests.get();
    }

    @Override
    public String getRowKey(T row) {
        return rowKey.of(row);
    }
}
