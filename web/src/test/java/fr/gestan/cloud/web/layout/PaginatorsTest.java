package fr.gestan.cloud.web.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every paginated list has the back office's paginator (first, previous, "page n of m", next, last: docs/web.md,
 * "Accessibility"): PrimeFaces' default template has page-number links, whose link "10" failed axe-core's colour
 * contrast on the back office's journal at ten pages. A list that rarely reaches ten pages in a test (the recovery
 * plan's tenants) is held to the same template here.
 */
class PaginatorsTest {

    private static final Path WEBAPP = Path.of("src/main/webapp");
    /** A pageable PrimeFaces component's start tag, its attributes quoted. */
    private static final Pattern PAGEABLE = Pattern.compile(
            "<p:(dataTable|dataList|dataGrid|dataView|treeTable)((?:\\s+[\\w:.-]+=\"[^\"]*\")*)\\s*/?>");
    private static final Pattern PAGINATED = Pattern.compile("\\spaginator=\"true\"");
    private static final Pattern TEMPLATE = Pattern.compile("\\spaginatorTemplate=\"([^\"]*)\"");
    /** The back office's paginator; a rows-per-page choice may follow. */
    private static final String BACK_OFFICE = "{FirstPageLink} {PreviousPageLink} {CurrentPageReport} {NextPageLink} {LastPageLink}";

    @Test
    void every_paginator_has_first_previous_report_next_and_last_without_page_number_links() throws IOException {
        List<Path> pages;
        try (Stream<Path> files = Files.walk(WEBAPP)) {
            pages = files.filter(p -> p.toString().endsWith(".xhtml")).sorted().toList();
        }
        List<String> wrong = new ArrayList<>();
        int paginated = 0;
        for (Path page : pages) {
            Matcher tag = PAGEABLE.matcher(Files.readString(page));
            while (tag.find()) {
                if (!PAGINATED.matcher(tag.group(2)).find()) {
                    continue;
                }
                paginated++;
                Matcher template = TEMPLATE.matcher(tag.group(2));
                String used = template.find() ? template.group(1) : "PrimeFaces' default, with page-number links";
                if (!used.startsWith(BACK_OFFICE) || used.contains("{PageLinks}")) {
                    wrong.add(WEBAPP.relativize(page) + ": " + used);
                }
            }
        }
        // 7 before the hosting inventory's servers and the recovery plan's order became plain tables paged by links
        // (WEB-INF/includes/pager.xhtml, the same order without page numbers: docs/performance.md, "pages11h")
        assertTrue(paginated >= 5, "too few paginated lists found: " + paginated);
        assertEquals(List.of(), wrong, "paginators with page-number links");
    }
}
