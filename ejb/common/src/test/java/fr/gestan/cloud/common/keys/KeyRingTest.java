package fr.gestan.cloud.common.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyRingTest {

    @Test
    void a_ring_lists_its_keys_oldest_first_and_names_one_active(@TempDir Path dir) throws Exception {
        KeyRing ring = new KeyRing(dir.resolve("purpose"), ".key");
        assertEquals(List.of(), ring.ids(), "no folder yet: an empty ring");
        assertEquals(Optional.empty(), ring.activeId(), "never rotated: no active file");

        String first = KeyRing.idOf("first".getBytes(StandardCharsets.US_ASCII));
        String second = KeyRing.idOf("second".getBytes(StandardCharsets.US_ASCII));
        assertTrue(KeyFiles.createIfAbsent(ring.file(second), "B"));
        assertTrue(KeyFiles.createIfAbsent(ring.file(first), "A"));
        Files.setLastModifiedTime(ring.file(first), FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));
        Files.writeString(ring.folder().resolve("notes.txt"), "not a key");
        assertEquals(List.of(first, second), ring.ids(), "oldest first, other files ignored");

        ring.activate(first);
        assertEquals(Optional.of(first), ring.activeId());
        ring.activate(second);
        assertEquals(Optional.of(second), ring.activeId(), "the active file is replaced");
        try (var files = Files.list(ring.folder())) {
            assertEquals(4, files.count(), "two keys, the active file and the notes: no temporary file left");
        }
        assertEquals(Instant.parse("2026-01-01T00:00:00Z"), KeyRing.createdAt(ring.file(first)));
    }

    @Test
    void ids_are_short_hex_digests_and_unknown_or_malformed_ids_are_refused(@TempDir Path dir) {
        KeyRing ring = new KeyRing(dir, ".key");
        String id = KeyRing.idOf(new byte[] {1, 2, 3});
        assertTrue(id.matches("[0-9a-f]{16}"), id);
        assertEquals(id, KeyRing.idOf(new byte[] {1, 2, 3}), "stable");
        assertNotEquals(id, KeyRing.idOf(new byte[] {1, 2, 4}));
        assertThrows(IllegalArgumentException.class, () -> ring.file("../../etc/passwd"), "an id is never a path");
        assertThrows(IllegalArgumentException.class, () -> ring.activate(id), "only a key of the ring can be active");
    }

    @Test
    void the_keys_folder_comes_from_the_setting(@TempDir Path dir) {
        System.setProperty(KeyRing.DIR_PROPERTY, dir.toString());
        try {
            assertEquals(dir.resolve("hosted-accounts"), KeyRing.of("hosted-accounts", ".key").folder());
        } finally {
            System.clearProperty(KeyRing.DIR_PROPERTY);
        }
    }
}
