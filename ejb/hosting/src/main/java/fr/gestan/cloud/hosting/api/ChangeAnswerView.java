package fr.gestan.cloud.hosting.api;

import java.time.Instant;

/** One client told of a change, and its answer ({@code answer} null: not answered yet). */
public record ChangeAnswerView(long changeId, String tenantSiren, ChangeAnswer answer, String comment, String answeredBy,
                               Instant answeredAt) implements java.io.Serializable {
}
