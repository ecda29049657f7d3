package fr.gestan.cloud.common.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StoredRunTest {

    static final Instant T0 = Instant.parse("2026-12-06T09:00:00Z");

    static final class Run extends StoredRun {
        Run() {
            super("admin", T0);
        }
    }

    @Test
    void a_running_run_stops_beating_once_its_heartbeat_is_older_than_the_limit() {
        Run run = new Run();
        assertFalse(run.stoppedBeating(T0), "a heartbeat at the limit is not older than it");
        assertTrue(run.stoppedBeating(T0.plusMillis(1)));
        run.beat(T0.plus(Duration.ofMinutes(1)));
        assertFalse(run.stoppedBeating(T0.plusSeconds(30)), "the new heartbeat counts");
        assertEquals(T0, run.startedAt(), "beating leaves the start as it was");
    }

    @Test
    void an_ended_or_interrupted_run_never_stopped_beating() {
        Run completed = new Run();
        completed.end(RunState.COMPLETED, T0.plusSeconds(5));
        assertFalse(completed.stoppedBeating(T0.plus(Duration.ofDays(1))));
        Run interrupted = new Run();
        interrupted.interrupted(T0.plusSeconds(5));
        assertFalse(interrupted.stoppedBeating(T0.plus(Duration.ofDays(1))));
        assertThrows(IllegalStateException.class, () -> interrupted.beat(T0.plusSeconds(6)));
    }
}
