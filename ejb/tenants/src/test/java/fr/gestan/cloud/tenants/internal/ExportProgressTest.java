package fr.gestan.cloud.tenants.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The build's progress commits (each a short transaction): at most one a second (docs/performance.md 4.57). */
class ExportProgressTest {

    @Test
    void a_build_of_less_than_a_second_commits_no_progress() {
        List<Integer> committed = new ArrayList<>();
        long[] now = {1_000};
        ExportWorker.Progress progress = new ExportWorker.Progress(committed::add, () -> now[0]);
        // the parts of a small tenant's export, as ExportWorker.build starts them: its own files, then three contributors
        int[][] ranges = {{0, 15}, {15, 25}, {25, 40}, {40, 58}, {58, 76}, {76, 95}};
        for (int[] range : ranges) {
            progress.range(range[0], range[1]);
            for (int file = 0; file < 5; file++) {
                progress.fileAdded();
                now[0] += 10;
            }
        }
        assertEquals(List.of(), committed, "300 ms of build: nothing to show that the ready export will not");
    }

    @Test
    void a_long_build_commits_once_a_second_and_never_goes_back() {
        List<Integer> committed = new ArrayList<>();
        long[] now = {0};
        ExportWorker.Progress progress = new ExportWorker.Progress(committed::add, () -> now[0]);
        progress.range(0, 15);
        for (int file = 0; file < 100; file++) { // 100 documents, 100 ms each
            now[0] += 100;
            progress.fileAdded();
        }
        progress.range(40, 95);
        now[0] += 1_000;
        progress.range(95, 95);
        assertEquals(11, committed.size(), "once a second over 11 s: " + committed);
        for (int i = 1; i < committed.size(); i++) {
            assertTrue(committed.get(i) >= committed.get(i - 1), "never back: " + committed);
        }
        assertEquals(95, committed.get(committed.size() - 1));
    }
}
