package fr.gestan.cloud.notifications.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class StaffReminderRunTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 4);

    @Test
    void anExpiryIsRemindedAt30DaysThenAt7ThenWhenPast() {
        assertNull(StaffReminderRun.mark(TODAY.plusDays(31), TODAY));
        assertEquals("30", StaffReminderRun.mark(TODAY.plusDays(30), TODAY));
        assertEquals("30", StaffReminderRun.mark(TODAY.plusDays(8), TODAY));
        assertEquals("7", StaffReminderRun.mark(TODAY.plusDays(7), TODAY));
        assertEquals("7", StaffReminderRun.mark(TODAY, TODAY));
        assertEquals("expired", StaffReminderRun.mark(TODAY.minusDays(1), TODAY));
        assertNull(StaffReminderRun.mark(null, TODAY));
    }
}
