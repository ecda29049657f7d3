package fr.gestan.cloud.web.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The arithmetic of the tables paged by plain links (?page=): what an address may hold, and the rows a page shows. */
class LinkPagesTest {

    @Test
    void a_page_number_from_an_address_is_a_positive_number_at_most_the_limit() {
        assertEquals(1, LinkPages.number(null, 1, 100));
        assertEquals(1, LinkPages.number("", 1, 100));
        assertEquals(1, LinkPages.number("abc", 1, 100));
        assertEquals(1, LinkPages.number("-3", 1, 100));
        assertEquals(1, LinkPages.number("0", 1, 100));
        assertEquals(7, LinkPages.number("007", 1, 100));
        assertEquals(100, LinkPages.number("101", 1, 100));
        assertEquals(100, LinkPages.number("99999999999999999999999", 1, 100));
    }

    @Test
    void pages_count_at_least_one() {
        assertEquals(1, LinkPages.count(0, 25));
        assertEquals(1, LinkPages.count(25, 25));
        assertEquals(2, LinkPages.count(26, 25));
        assertEquals(9, LinkPages.count(205, 25));
    }

    @Test
    void a_slice_is_the_pages_rows_and_none_past_the_end() {
        List<Integer> rows = IntStream.rangeClosed(1, 60).boxed().toList();
        assertEquals(IntStream.rangeClosed(1, 25).boxed().toList(), LinkPages.slice(rows, 1, 25));
        assertEquals(IntStream.rangeClosed(51, 60).boxed().toList(), LinkPages.slice(rows, 3, 25));
        assertEquals(List.of(), LinkPages.slice(rows, 4, 25));
        assertEquals(List.of(), LinkPages.slice(rows, Integer.MAX_VALUE, 25));
        assertEquals(List.of(), LinkPages.slice(List.of(), 1, 25));
    }
}
