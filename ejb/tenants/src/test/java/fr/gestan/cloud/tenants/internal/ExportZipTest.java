package fr.gestan.cloud.tenants.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.gestan.cloud.tenants.api.ExportFiles;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The export ZIP writer, without a container: layout, MANIFEST digests, names refused, misbehaving writers. */
class ExportZipTest {

    @Test
    void every_file_is_listed_in_the_manifest_with_its_sha256_and_folders_prefix_the_names() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<String> seen = new java.util.ArrayList<>();
        try (ExportZip zip = new ExportZip(bytes, (name, total, files) -> seen.add(name + "#" + files))) {
            zip.text("company.json", w -> w.write("{\"legalName\":\"Boulangerie Martin — SARL\"}"));
            ExportFiles hosting = zip.folder("hosting");
            hosting.add("contracts.csv", out -> out.write("id,offer\r\n1,Cloud\r\n".getBytes(StandardCharsets.UTF_8)));
            // A writer that closes the stream it was given must not end the ZIP.
            hosting.add("sites/PAR-1.json", out -> {
                out.write("{}".getBytes(StandardCharsets.UTF_8));
                out.close();
            });
            zip.folder("compliance").add("certificates/AHC-2026-000123.pdf", out -> out.write(new byte[]{'%', 'P', 'D', 'F'}));
            zip.finish();
        }
        Map<String, byte[]> files = unzip(bytes.toByteArray());
        assertEquals(List.of("company.json", "hosting/contracts.csv", "hosting/sites/PAR-1.json",
                "compliance/certificates/AHC-2026-000123.pdf", "MANIFEST"), List.copyOf(files.keySet()));
        String manifest = new String(files.get("MANIFEST"), StandardCharsets.UTF_8);
        String[] lines = manifest.split("\n");
        assertEquals(4, lines.length);
        for (String line : lines) {
            String[] parts = line.split("  ", 2);
            assertEquals(sha256(files.get(parts[1])), parts[0], parts[1]);
        }
        assertEquals(List.of("company.json#1", "hosting/contracts.csv#2", "hosting/sites/PAR-1.json#3",
                "compliance/certificates/AHC-2026-000123.pdf#4"), seen);
    }

    @Test
    void a_contributors_text_files_are_utf8_in_its_folder_and_leave_the_zip_open() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ExportZip zip = new ExportZip(bytes)) {
            ExportFiles compliance = zip.folder("compliance");
            compliance.text("certificates.csv", w -> w.write("number;status\r\nAHC-1;RÉVOQUÉ\r\n"));
            compliance.text("certificates.json", w -> w.write("[]"));
            zip.finish();
        }
        Map<String, byte[]> files = unzip(bytes.toByteArray());
        assertEquals("number;status\r\nAHC-1;RÉVOQUÉ\r\n", new String(files.get("compliance/certificates.csv"), StandardCharsets.UTF_8));
        assertEquals("[]", new String(files.get("compliance/certificates.json"), StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/etc/passwd", "../company.json", "a/../../b", "a//b", "a/", "./a", "a\\b", "a\u0000b", "c:x"})
    void names_that_could_escape_or_confuse_an_unzipper_are_refused(String name) {
        ExportFiles files = new ExportZip(new ByteArrayOutputStream()).folder("hosting");
        assertThrows(IllegalArgumentException.class, () -> files.add(name, out -> out.write(1)));
    }

    @Test
    void folders_are_single_lower_case_segments_used_once_and_the_manifest_name_is_reserved() {
        ExportZip zip = new ExportZip(new ByteArrayOutputStream());
        for (String bad : new String[]{"", "Hosting", "a/b", "..", null}) {
            assertThrows(IllegalArgumentException.class, () -> zip.folder(bad), String.valueOf(bad));
        }
        zip.folder("hosting");
        assertThrows(IllegalArgumentException.class, () -> zip.folder("hosting"));
        assertThrows(IllegalArgumentException.class, () -> zip.add(ExportZip.MANIFEST, out -> out.write(1)));
    }

    @Test
    void a_name_added_twice_a_nested_add_or_a_stream_kept_after_its_file_are_errors() throws Exception {
        ExportZip zip = new ExportZip(new ByteArrayOutputStream());
        ExportFiles files = zip.folder("hosting");
        files.add("a.csv", out -> out.write(1));
        assertThrows(IllegalArgumentException.class, () -> files.add("a.csv", out -> out.write(2)));
        assertThrows(IllegalStateException.class, () -> files.add("b.csv", out -> files.add("c.csv", o -> o.write(3))));
        OutputStream[] kept = new OutputStream[1];
        files.add("d.csv", out -> kept[0] = out);
        assertThrows(IOException.class, () -> kept[0].write(4));
    }

    @Test
    void a_writer_failure_reaches_the_caller_which_abandons_the_zip() {
        ExportZip zip = new ExportZip(new ByteArrayOutputStream());
        IOException failure = assertThrows(IOException.class, () -> zip.folder("hosting").add("contracts.csv", out -> {
            out.write("half".getBytes(StandardCharsets.UTF_8));
            throw new IOException("database gone");
        }));
        assertEquals("database gone", failure.getMessage());
        assertTrue(zip.manifest().isEmpty(), "a failed file is not listed");
    }

    @Test
    void documents_already_compressed_are_not_deflated_again() {
        assertTrue(ExportZip.alreadyCompressed("certificates/X.PDF"));
        assertTrue(!ExportZip.alreadyCompressed("contracts.csv"));
    }

    static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                files.put(e.getName(), in.readAllBytes());
            }
        }
        return files;
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
