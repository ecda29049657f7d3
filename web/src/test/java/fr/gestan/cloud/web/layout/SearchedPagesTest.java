package fr.gestan.cloud.web.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

class SearchedPagesTest {

    private final List<String> calls = new ArrayList<>();
    private final SearchedPages<Integer> pages = new SearchedPages<>((first, size, sort) -> {
        calls.add(first + "+" + size + (sort == null ? "" : " " + sort.getField() + " " + sort.getOrder()));
        return new SearchedPages.Page<>(IntStream.range(first, Math.min(first + size, 60)).boxed().toList(), 60);
    }, String::valueOf, 25, 100);

    /** The request under way: a new object for each. */
    private Object request = new Object();

    /** The table being drawn (first row, page size), or null when the count is asked outside a table's drawing. */
    private int[] table;

    SearchedPagesTest() {
        pages.requests = () -> request;
        pages.tables = () -> table;
    }

    private static Map<String, SortMeta> by(String field, SortOrder order) {
        return Map.of(field, SortMeta.builder().field(field).order(order).build());
    }

    @Test
    void the_count_and_the_page_of_a_request_are_one_call() {
        assertEquals(60, pages.count(Map.of()));
        assertEquals(IntStream.range(0, 25).boxed().toList(), pages.load(0, 25, Map.of(), Map.of()));
        assertEquals(List.of("0+25"), calls);
    }

    @Test
    void another_page_is_asked_for_and_then_counted_with() {
        pages.count(Map.of());
        assertEquals(IntStream.range(25, 50).boxed().toList(), pages.load(25, 25, Map.of(), Map.of()));
        assertEquals(List.of("0+25", "25+25"), calls);
        // the next request: its count asks for the page shown last, its page is that answer
        assertEquals(60, pages.count(Map.of()));
        assertEquals(IntStream.range(25, 50).boxed().toList(), pages.load(25, 25, Map.of(), Map.of()));
        assertEquals(List.of("0+25", "25+25", "25+25"), calls);
    }

    @Test
    void each_count_calls_the_service_and_a_page_is_never_answered_twice() {
        pages.count(Map.of());
        pages.load(0, 25, Map.of(), Map.of());
        pages.load(0, 25, Map.of(), Map.of()); // no count before: read again
        pages.count(Map.of());
        assertEquals(List.of("0+25", "0+25", "0+25"), calls);
    }

    @Test
    void a_sort_in_the_other_order_is_another_page() {
        pages.count(Map.of());
        pages.load(0, 25, by("legalName", SortOrder.ASCENDING), Map.of());
        pages.count(Map.of());
        pages.load(0, 25, by("legalName", SortOrder.DESCENDING), Map.of());
        assertEquals(List.of("0+25", "0+25 legalName ASCENDING", "0+25 legalName ASCENDING", "0+25 legalName DESCENDING"), calls);
        pages.count(Map.of());
        pages.load(0, 25, by("legalName", SortOrder.DESCENDING), Map.of());
        assertEquals(5, calls.size(), calls.toString());
    }

    @Test
    void a_count_of_an_earlier_request_is_not_taken() {
        pages.count(Map.of());
        request = new Object(); // a request that loads a page without counting first
        pages.load(0, 25, Map.of(), Map.of());
        assertEquals(List.of("0+25", "0+25"), calls);
    }

    @Test
    void after_first_page_the_count_asks_for_the_first_page_in_the_size_shown() {
        pages.count(Map.of());
        pages.load(50, 25, Map.of(), Map.of());
        request = new Object();
        pages.firstPage();
        pages.count(Map.of());
        assertEquals(IntStream.range(0, 25).boxed().toList(), pages.load(0, 25, Map.of(), Map.of()));
        assertEquals(List.of("0+25", "50+25", "0+25"), calls, "the new first page read once, with its count");
    }

    @Test
    void a_paging_request_is_one_call_for_the_page_the_table_asks_for() {
        table = new int[] {0, 25};
        pages.count(Map.of());
        pages.load(0, 25, Map.of(), Map.of());
        // "next page": the table decoded its new first row before it draws, and asks for the count, then the page
        request = new Object();
        table = new int[] {25, 25};
        assertEquals(60, pages.count(Map.of()));
        assertEquals(IntStream.range(25, 50).boxed().toList(), pages.load(25, 25, Map.of(), Map.of()));
        assertEquals(List.of("0+25", "25+25"), calls, "one call a request, for the page asked");
    }

    @Test
    void a_page_size_is_bounded() {
        pages.count(Map.of());
        assertEquals(60, pages.load(0, 1000, Map.of(), Map.of()).size());
        assertEquals(List.of("0+25", "0+100"), calls);
    }
}
