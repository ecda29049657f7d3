package fr.gestan.cloud.common.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LogSafeTest {

    @Test
    void line_breaks_and_terminal_escapes_cannot_forge_a_log_line() {
        String forged = LogSafe.text("x\r\n2026-12-03 ERROR [admin] granted\u001b[31m");
        assertFalse(forged.contains("\n") || forged.contains("\r") || forged.contains("\u001b"), forged);
        assertEquals("x\\u000d\\u000a2026-12-03 ERROR [admin] granted\\u001b[31m", forged);
    }

    @Test
    void a_megabyte_value_is_cut_to_a_short_prefix_with_its_length() {
        String cut = LogSafe.text("a".repeat(1_000_000));
        assertTrue(cut.length() < 300, cut);
        assertTrue(cut.endsWith("…(1000000 chars)"), cut);
        assertEquals("null", LogSafe.text(null));
        assertEquals("court", LogSafe.text("court"));
    }

    @Test
    void a_trace_keeps_classes_and_a_few_frames_but_escapes_messages() {
        Exception e = new IllegalStateException("outer", new IllegalArgumentException("bad\nvalue " + "z".repeat(5000)));
        String trace = LogSafe.trace(e, 3);
        assertTrue(trace.startsWith("java.lang.IllegalStateException: outer\n    at "), trace);
        assertTrue(trace.contains("caused by java.lang.IllegalArgumentException: bad\\u000avalue"), trace);
        assertTrue(trace.length() < 2000, trace);
    }
}
