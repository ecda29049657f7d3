package fr.gestan.cloud.common.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CurrentKeysTest {

    @Test
    void loaded_once_then_again_when_the_ring_names_another_active_key_or_when_cleared(@TempDir Path dir) throws Exception {
        KeyRing ring = new KeyRing(dir.resolve("ring"), ".key");
        String first = KeyRing.idOf(new byte[] {1});
        String second = KeyRing.idOf(new byte[] {2});
        KeyFiles.createIfAbsent(ring.file(first), "1");
        KeyFiles.createIfAbsent(ring.file(second), "2");
        ring.activate(first);
        AtomicInteger loads = new AtomicInteger();
        CurrentKeys<RingMembers<String>> current = new CurrentKeys<>(members -> members);
        java.util.function.Function<KeyRing, RingMembers<String>> load = r -> {
            loads.incrementAndGet();
            String active = r.activeId().orElseThrow();
            return new RingMembers<>("test key", Map.of(first, "1", second, "2"), active, null);
        };

        RingMembers<String> loaded = current.get(ring, load);
        assertEquals("1", loaded.active());
        assertSame(loaded, current.get(ring, load), "unchanged: not read again");
        assertEquals(1, loads.get());

        ring.activate(second); // a rotation, here or on another node
        assertEquals("2", current.get(ring, load).active());
        assertEquals(2, loads.get());

        current.clear();
        current.get(ring, load);
        assertEquals(3, loads.get(), "cleared: read again");
    }
}
