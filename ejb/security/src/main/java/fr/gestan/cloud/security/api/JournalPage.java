package fr.gestan.cloud.security.api;

import java.io.Serializable;
import java.util.List;

/** One page of journal entries (newest first, with their log positions) and how many entries there are in all. */
public record JournalPage(List<JournalEntryView> rows, long total) implements Serializable {

    public static final JournalPage EMPTY = new JournalPage(List.of(), 0);

    public JournalPage {
        rows = List.copyOf(rows);
    }
}
