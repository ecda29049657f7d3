package fr.gestan.cloud.compliance.internal.documents;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A generated document as text: a bilingual title and sections of French and English paragraphs. The PDF prints
 * exactly these texts, and the document's version is the SHA-256 of their canonical form: the same live data give
 * the same version, any change of a printed figure (a new sub-processor, a policy value) gives a new one.
 */
public record DocumentText(String titleFr, String titleEn, List<Section> sections) {

    public DocumentText {
        sections = List.copyOf(sections);
    }

    /** One section: its titles and paragraphs in both languages (either list may be empty). */
    public record Section(String titleFr, String titleEn, List<String> fr, List<String> en) {
        public Section {
            fr = List.copyOf(fr);
            en = List.copyOf(en);
        }
    }

    /** The canonical form: every printed text, one per line, in order (line breaks inside a text escaped). */
    public String canonical() {
        List<String> lines = new ArrayList<>();
        lines.add(titleFr);
        lines.add(titleEn);
        for (Section s : sections) {
            lines.add("## " + s.titleFr() + " / " + s.titleEn());
            s.fr().forEach(p -> lines.add("fr: " + p));
            s.en().forEach(p -> lines.add("en: " + p));
        }
        return String.join("\n", lines.stream().map(l -> l.replace("\\", "\\\\").replace("\n", "\\n")).toList());
    }

    public String sha256() {
        return sha256(canonical().getBytes(StandardCharsets.UTF_8));
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every text in one string, for searching (tests). */
    public String all() {
        return canonical();
    }

    /** Builds a document section by section. */
    public static final class Builder {
        private final String titleFr;
        private final String titleEn;
        private final List<Section> sections = new ArrayList<>();
        private String sFr;
        private String sEn;
        private List<String> fr = new ArrayList<>();
        private List<String> en = new ArrayList<>();

        public Builder(String titleFr, String titleEn) {
            this.titleFr = titleFr;
            this.titleEn = titleEn;
        }

        public Builder section(String titleFr, String titleEn) {
            flush();
            sFr = titleFr;
            sEn = titleEn;
            return this;
        }

        public Builder text(String fr, String en) {
            this.fr.add(fr);
            this.en.add(en);
            return this;
        }

        private void flush() {
            if (sFr != null) {
                sections.add(new Section(sFr, sEn, fr, en));
            }
            fr = new ArrayList<>();
            en = new ArrayList<>();
        }

        public DocumentText build() {
            flush();
            sFr = null;
            return new DocumentText(titleFr, titleEn, sections);
        }
    }
}
