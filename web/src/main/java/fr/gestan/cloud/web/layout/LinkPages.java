package fr.gestan.cloud.web.layout;

import fr.gestan.cloud.web.i18n.Messages;

/**
 * The arithmetic of a table paged by plain links ({@code ?page=N}, {@code WEB-INF/includes/pager.xhtml}): the page's
 * number read from an address, the number of pages, the "(n of m)" report. A page of plain GETs has no form, no view
 * state and no PrimeFaces table to render (the client's journal, docs/performance.md 4.35; the hosting inventory and
 * the recovery plan, "hosting pages (pages11h)").
 */
public final class LinkPages {

    private LinkPages() {
    }

    /** The address's number, or {@code absent} when it is missing or not a positive number; at most {@code max}. */
    public static int number(String parameter, int absent, int max) {
        return (int) number(parameter, absent, (long) max);
    }

    /** The address's number, or {@code absent} when it is missing or not a positive number; at most {@code max}. */
    public static long number(String parameter, long absent, long max) {
        if (parameter == null || parameter.isEmpty() || !parameter.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return absent;
        }
        String digits = parameter.replaceFirst("^0+", "");
        if (digits.isEmpty()) {
            return absent;
        }
        return digits.length() > 18 ? max : Math.min(Long.parseLong(digits), max); // 18 digits fit a long
    }

    /** How many pages of {@code size} rows {@code total} rows make: 1 at least (an empty table is one empty page). */
    public static int count(long total, int size) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, (total + size - 1) / size));
    }

    /** The rows of page {@code page} (from 1) of {@code size} rows of a list held whole; past the end, none. */
    public static <T> java.util.List<T> slice(java.util.List<T> rows, int page, int size) {
        long first = Math.min(rows.size(), (long) (page - 1) * size);
        return rows.subList((int) first, (int) Math.min(rows.size(), first + size));
    }

    /** "(2 sur 7)": the pages' report, in the words PrimeFaces' paginators use ({@code msg['paginator.report']}). */
    public static String report(int page, int pageCount) {
        return Messages.label("msg", "paginator.report").replace("{currentPage}", Integer.toString(page))
                .replace("{totalPages}", Integer.toString(pageCount));
    }
}
