package fr.gestan.cloud.common.health;

/**
 * The warm-up after deployment: what the first visitor would otherwise wait for (the JSF views, PrimeFaces'
 * resources, the language bundles, the documents' fonts) is built once in the background by the web module
 * ({@code fr.gestan.cloud.web.http.StartWarmUp}), and readiness ({@link WarmUpReadiness}) stays DOWN until it is over,
 * so that "ready" means "serves at full speed". Held in the EAR's {@code lib/} (one per deployment: a redeployment
 * starts afresh), where both the web module and the readiness check see it. A deployment without the web module has
 * nothing to warm: its state stays {@link State#NONE} and readiness is not held.
 */
public final class WarmUp {

    /** Where the warm-up stands. */
    public enum State {
        /** No web module asked for a warm-up. */
        NONE,
        /** Asked, not over: readiness is DOWN. */
        RUNNING,
        /** Every page answered. */
        DONE,
        /** Given up (the reason is logged): readiness is not held back for ever, the pages are built on first use. */
        FAILED
    }

    /** What the warm-up did: pages and resources fetched, fonts loaded, how long it took. */
    public record Report(State state, int pages, int resources, boolean fonts, long millis, String reason) {
    }

    private static volatile Report report = new Report(State.NONE, 0, 0, false, 0, null);

    private WarmUp() {
    }

    /** Called while the web module starts, before the deployment completes: readiness waits from then on. */
    public static void started() {
        report = new Report(State.RUNNING, 0, 0, false, 0, null);
    }

    public static void done(int pages, int resources, boolean fonts, long millis) {
        report = new Report(State.DONE, pages, resources, fonts, millis, null);
    }

    public static void failed(int pages, int resources, boolean fonts, long millis, String reason) {
        report = new Report(State.FAILED, pages, resources, fonts, millis, reason);
    }

    public static Report report() {
        return report;
    }
}
