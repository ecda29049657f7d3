package fr.gestan.cloud.tenants.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportFilePermissionsTest {

    @Test
    void an_export_file_and_its_folder_are_readable_by_the_server_account_only(@TempDir Path temp) throws Exception {
        Path dir = temp.resolve("gestan").resolve("exports");
        Files.createDirectories(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path part = dir.resolve("42.part");
        ExportStore.createOwnerOnly(part);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(part)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
        // The rename to the final name keeps them.
        Path zip = Files.move(part, dir.resolve("42-abc.zip"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(zip)));
    }
}
