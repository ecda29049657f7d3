package fr.gestan.cloud.common.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A purpose's keys loaded from its ring, with keys that are their files' text (the id: the text's digest). */
class RingMembersTest {

    private static RingMembers<String> load(Path initial, KeyRing ring) {
        return RingMembers.load("test key", initial, ring, path -> {
            try {
                KeyFiles.createIfAbsent(path, "initial");
                return Files.readString(path, StandardCharsets.US_ASCII);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, (id, file) -> {
            try {
                return Files.readString(file, StandardCharsets.US_ASCII);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, RingMembersTest::idOf);
    }

    private static String idOf(String key) {
        return KeyRing.idOf(key.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void the_initial_key_is_generated_and_active_until_the_ring_names_another(@TempDir Path dir) throws Exception {
        Path initial = dir.resolve("single.key");
        KeyRing ring = new KeyRing(dir.resolve("ring"), ".key");
        RingMembers<String> first = load(initial, ring);
        assertTrue(Files.exists(initial), "generated on first use");
        assertEquals("initial", first.active());
        assertEquals(idOf("initial"), first.activeId());
        assertEquals(first.activeId(), first.initialId());
        assertFalse(first.outdated(ring));

        String older = idOf("older");
        String newer = idOf("newer");
        KeyFiles.createIfAbsent(ring.file(newer), "newer");
        KeyFiles.createIfAbsent(ring.file(older), "older");
        Files.setLastModifiedTime(ring.file(older), FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));
        ring.activate(newer);
        assertTrue(first.outdated(ring), "a rotation elsewhere: load again");

        RingMembers<String> second = load(initial, ring);
        assertEquals("newer", second.active());
        assertEquals(idOf("initial"), second.initialId());
        assertEquals(List.of("initial", "older", "newer"), second.members(), "the initial key first, then the ring's oldest first");
        assertEquals("older", second.member(older));
        assertNull(second.member(idOf("unknown")));
        assertFalse(second.outdated(ring));
    }

    @Test
    void without_its_file_the_initial_key_is_not_recreated_once_the_ring_has_keys(@TempDir Path dir) throws Exception {
        KeyRing ring = new KeyRing(dir.resolve("ring"), ".key");
        String only = idOf("only");
        KeyFiles.createIfAbsent(ring.file(only), "only");
        ring.activate(only);
        RingMembers<String> keys = load(dir.resolve("gone.key"), ring);
        assertFalse(Files.exists(dir.resolve("gone.key")));
        assertNull(keys.initialId());
        assertEquals(List.of("only"), keys.members());
        assertFalse(keys.outdated(ring));
    }

    @Test
    void a_ring_without_an_active_key_or_an_active_key_it_lacks_is_refused(@TempDir Path dir) throws Exception {
        KeyRing ring = new KeyRing(dir.resolve("ring"), ".key");
        KeyFiles.createIfAbsent(ring.file(idOf("k")), "k");
        IllegalStateException none = assertThrows(IllegalStateException.class, () -> load(dir.resolve("gone.key"), ring));
        assertTrue(none.getMessage().startsWith("the test key ring "), none.getMessage());
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> new RingMembers<>("test key", Map.of("a", "A"), "b", "a"));
        assertEquals("the active test key b is not in the ring", missing.getMessage());
    }
}
