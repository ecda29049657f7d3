package fr.gestan.cloud.compliance.api;

import java.util.List;

/** The back-office search's answer, grouped by kind (kinds without a hit are left out). */
public record SearchResults(String text, List<Group> groups) {

    public SearchResults {
        groups = List.copyOf(groups);
    }

    public long total() {
        return groups.stream().mapToLong(Group::total).sum();
    }

    /**
     * The hits of one kind: {@code total} of them match, {@code hits} are those from {@code first}.
     *
     * @param hits each with its {@code key} (SIREN, contract number, certificate number, server id), a label, a detail
     *             and, where the hit belongs to a client, the client's SIREN and name (for the client summary)
     */
    public record Group(SearchKind kind, long total, int first, List<Hit> hits) {
        public Group {
            hits = List.copyOf(hits);
        }
    }

    public record Hit(SearchKind kind, String key, String label, String detail, String tenantSiren, String tenantName) {
    }
}
