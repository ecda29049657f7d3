package fr.gestan.cloud.security.api;

import java.io.Serializable;
import java.util.List;

/**
 * One page of journal entries (newest first, with their log positions), how many entries there are in all, and the
 * position of its first row among them (from 0).
 */
public record JournalPage(List<JournalEntryView> rows, long total, int first) implements Serializable {

    public static final JournalPage EMPTY = new JournalPage(List.of(), 0, 0);

    public JournalPage {
        rows = List.copyOf(rows);
    }
}
