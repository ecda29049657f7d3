package fr.gestan.cloud.compliance.api;

import java.util.List;

/** A generated public document in one language: its title and sections of paragraphs (for a web page). */
public record PublicDocumentView(String title, String version, List<Section> sections) {

    public PublicDocumentView {
        sections = List.copyOf(sections);
    }

    public record Section(String title, List<String> paragraphs) {
        public Section {
            paragraphs = List.copyOf(paragraphs);
        }
    }
}
