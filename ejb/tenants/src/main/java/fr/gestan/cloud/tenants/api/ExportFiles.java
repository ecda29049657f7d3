package fr.gestan.cloud.tenants.api;

import java.io.IOException;
import java.io.OutputStream;

/** Where a {@link TenantExportContributor} writes its files; each is listed with its SHA-256 in the MANIFEST. */
public interface ExportFiles {

    /**
     * Adds one file under the contributor's folder. The content is written straight into the ZIP as it is
     * produced; the stream must not be closed by the writer.
     *
     * @param name a relative path without {@code ..} ({@code contracts.json}, {@code certificates/AHC-2026-000123.pdf})
     */
    void add(String name, Content content) throws IOException;

    /** Writes one file's bytes. */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }
}
