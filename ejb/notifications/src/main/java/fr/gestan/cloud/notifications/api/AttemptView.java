package fr.gestan.cloud.notifications.api;

import java.time.Instant;

/** One try to deliver: SENT, RETRY (failed, will try again), FAILED (gave up), GONE (the recipient is gone). */
public record AttemptView(Instant at, String outcome, String detail) {
}
