package fr.gestan.cloud.web.layout;

import java.io.Serializable;

/**
 * The latest page a view read, when a service reads a page with its total in one statement: a lazy table asks for
 * the count, then for the page (or the other way round), and both are answered by one read (issue 19: at most 3
 * statements for a list page). The first page may be read before the table asks, by what the page shows above it.
 * A page of other rows, or of another size, is read anew.
 */
public final class PageMemo<P extends Serializable> implements Serializable {

    private static final long serialVersionUID = 1L;

    /** One page from {@code first} (0 the first) of {@code size} rows, with what the service reads along. */
    public interface Read<P> extends Serializable {
        P page(int first, int size);
    }

    private final Read<P> read;
    private P page;
    private int first;
    private int size;

    /** {@code size}: the table's first page size (its {@code rows}). */
    public PageMemo(Read<P> read, int size) {
        this.read = read;
        this.size = size;
    }

    /** The page from {@code first} of {@code size} rows, read unless it is the latest one read. */
    public P get(int first, int size) {
        if (page == null || first != this.first || size != this.size) {
            page = read.page(first, size);
            this.first = first;
            this.size = size;
        }
        return page;
    }

    /**
     * Keeps {@code page}, read by the caller along with something else (in the same call), as the page from
     * {@code first} of {@code size} rows: the table's first count or load then takes it without reading it again.
     */
    public void put(int first, int size, P page) {
        this.page = page;
        this.first = first;
        this.size = size;
    }

    /** The latest page read (the first page if none was): for the table's count and what the page shows beside it. */
    public P latest() {
        return get(first, size);
    }

    /** Reads the page anew at the next call (after a change). */
    public void forget() {
        page = null;
    }
}
