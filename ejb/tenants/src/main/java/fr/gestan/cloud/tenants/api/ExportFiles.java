package fr.gestan.cloud.tenants.api;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/** Where a {@link TenantExportContributor} writes its files; each is listed with its SHA-256 in the MANIFEST. */
public interface ExportFiles {

    /**
     * Adds one file under the contributor's folder. The content is written straight into the ZIP as it is
     * produced; the stream must not be closed by the writer.
     *
     * @param name a relative path without {@code ..} ({@code contracts.json}, {@code certificates/AHC-2026-000123.pdf})
     */
    void add(String name, Content content) throws IOException;

    /** Adds one text file (UTF-8), written as it is produced. */
    default void text(String name, Text text) throws IOException {
        add(name, utf8(text));
    }

    /** A text file's content in UTF-8, through a writer that is flushed and never closed (the ZIP's stream stays open). */
    static Content utf8(Text text) {
        return out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            text.writeTo(writer);
            writer.flush();
        };
    }

    /** Writes one file's bytes. */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes one text file's characters. */
    @FunctionalInterface
    interface Text {
        void writeTo(Writer out) throws IOException;
    }
}
