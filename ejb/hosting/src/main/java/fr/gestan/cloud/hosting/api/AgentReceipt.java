package fr.gestan.cloud.hosting.api;

import java.util.List;

/** What the agent API answers for an accepted batch: per event, stored or duplicate, and the control's verdict. */
public record AgentReceipt(String reporter, int accepted, int duplicates, List<Result> events) {

    public AgentReceipt {
        events = List.copyOf(events);
    }

    /**
     * @param status  {@code accepted} (stored now) or {@code duplicate} (stored before, by a previous try)
     * @param verdict {@code OK}, {@code ATTENTION} or {@code FAILING}: what the event says about its control
     * @param reason  why the verdict is not OK (a stable code), or null
     */
    public record Result(int index, String id, String kind, String status, String verdict, String reason) {
    }
}
