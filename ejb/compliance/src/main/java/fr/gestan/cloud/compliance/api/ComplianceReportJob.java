package fr.gestan.cloud.compliance.api;

import java.util.function.IntConsumer;

/**
 * The evaluation of every tenant into the stored report: nightly by a timer, or now by staff ("re-evaluate now").
 * One run at a time.
 */
public interface ComplianceReportJob {

    /**
     * Evaluates every tenant, one page per transaction, then removes the rows of tenants gone. {@code progress}
     * receives the number of tenants evaluated so far after each page. Returns how many tenants were evaluated,
     * or {@code -1} when a run was already going. Support and administrators.
     */
    int runNow(IntConsumer progress);

    boolean running();
}
