package fr.gestan.cloud.common.notify;

import java.time.LocalDate;
import java.util.List;

/**
 * A module that knows of reminders due (certificates expiring, compliance failures of the daily report): the
 * notifications module asks every implementation at each pass of the reminders and sends each reminder once, to staff
 * and, when it names a tenant, to that client's contacts. A port in {@code common} so that the notifications module
 * need not depend on the module that knows (the compliance module implements it).
 */
public interface ReminderSource {

    /**
     * One reminder due: {@code key} names it for good (the same key is never sent twice), {@code what} its kind (a
     * message text {@code what.<what>}), {@code item} what it is about, {@code mark} how urgent ("30", "7", "expired",
     * "failing"), {@code due} its day; {@code tenantRef} the client's SIREN, or null for staff only.
     */
    record DueReminder(String key, String tenantRef, String what, String item, String mark, LocalDate due) {
    }

    /** The reminders due on {@code today} (sent or not: the caller remembers which went). */
    List<DueReminder> dueReminders(LocalDate today);
}
