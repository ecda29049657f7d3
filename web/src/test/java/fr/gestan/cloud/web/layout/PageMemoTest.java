package fr.gestan.cloud.web.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A lazy table's count and load of one page answered by one read; another page, or a change, read anew. */
class PageMemoTest {

    private final List<String> reads = new ArrayList<>();
    private final PageMemo<String> pages = new PageMemo<>((first, size) -> {
        reads.add(first + "+" + size);
        return "page " + first + "+" + size;
    }, 25);

    @Test
    void the_count_then_the_load_of_the_first_page_read_it_once() {
        assertEquals("page 0+25", pages.latest()); // the table's count (or what the page shows above the table)
        assertEquals("page 0+25", pages.get(0, 25)); // the table's load
        assertEquals(List.of("0+25"), reads);
    }

    @Test
    void another_page_or_size_is_read_and_becomes_the_latest() {
        pages.latest();
        assertEquals("page 25+25", pages.get(25, 25));
        assertEquals("page 25+25", pages.latest());
        assertEquals("page 25+50", pages.get(25, 50));
        assertEquals(List.of("0+25", "25+25", "25+50"), reads);
    }

    @Test
    void a_forgotten_page_is_read_again() {
        pages.get(0, 25);
        pages.forget();
        pages.latest();
        assertEquals(List.of("0+25", "0+25"), reads);
    }
}
