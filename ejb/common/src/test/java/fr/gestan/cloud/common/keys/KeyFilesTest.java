package fr.gestan.cloud.common.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyFilesTest {

    private static final String PROPERTY = "gestan.test.key-files";
    private static final String ENV = "GESTAN_TEST_KEY_FILES_UNSET";

    @TempDir
    Path dir;

    @AfterEach
    void clearProperties() {
        System.clearProperty(PROPERTY);
        System.clearProperty("jboss.server.data.dir");
    }

    @Test
    void a_generated_file_is_owner_only_and_holds_its_content() throws Exception {
        Path key = dir.resolve("sub/folder/test.key");
        assertTrue(KeyFiles.createIfAbsent(key, "secret\n"));
        assertEquals("secret\n", Files.readString(key, StandardCharsets.US_ASCII));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        assertEquals(List.of(key), files(key.getParent()), "no temporary file is left behind");
    }

    @Test
    void an_existing_file_is_kept_and_its_content_not_generated_again() throws Exception {
        Path key = dir.resolve("test.key");
        assertTrue(KeyFiles.createIfAbsent(key, "first"));
        AtomicInteger generated = new AtomicInteger();
        assertFalse(KeyFiles.createIfAbsent(key, out -> {
            generated.incrementAndGet();
            out.write('x');
        }));
        assertEquals(0, generated.get());
        assertEquals("first", Files.readString(key));
    }

    @Test
    void concurrent_creations_keep_the_first_file_and_all_read_it_back() throws Exception {
        Path key = dir.resolve("race/test.key");
        int writers = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<Boolean>> created = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                String content = "writer " + i;
                created.add(pool.submit(() -> {
                    start.await();
                    return KeyFiles.createIfAbsent(key, out -> {
                        Thread.yield();
                        out.write(content.getBytes(StandardCharsets.US_ASCII));
                    });
                }));
            }
            start.countDown();
            int winners = 0;
            for (Future<Boolean> f : created) {
                winners += f.get() ? 1 : 0;
            }
            assertEquals(1, winners, "exactly one writer creates the file");
        } finally {
            pool.shutdownNow();
        }
        assertTrue(Files.readString(key).matches("writer \\d"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        assertEquals(List.of(key), files(key.getParent()), "no temporary file is left behind");
    }

    @Test
    void the_path_comes_from_the_property_else_the_data_directory() {
        System.setProperty("jboss.server.data.dir", dir.toString());
        assertEquals(dir.resolve("gestan/test.key"), KeyFiles.path(PROPERTY, ENV, "test.key"));
        System.setProperty(PROPERTY, "  ");
        assertEquals(dir.resolve("gestan/test.key"), KeyFiles.path(PROPERTY, ENV, "test.key"), "blank means unset");
        System.setProperty(PROPERTY, "/etc/gestan/configured.key");
        assertEquals(Path.of("/etc/gestan/configured.key"), KeyFiles.path(PROPERTY, ENV, "test.key"));
    }

    @Test
    void a_setting_is_null_when_neither_property_nor_environment_is_set() {
        assertNull(KeyFiles.setting(PROPERTY, ENV));
        System.setProperty(PROPERTY, "value");
        assertEquals("value", KeyFiles.setting(PROPERTY, ENV));
    }

    private static List<Path> files(Path folder) throws Exception {
        try (Stream<Path> list = Files.list(folder)) {
            return list.toList();
        }
    }
}
