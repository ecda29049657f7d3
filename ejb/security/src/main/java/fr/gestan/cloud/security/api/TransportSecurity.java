package fr.gestan.cloud.security.api;

import java.util.List;

/**
 * "TLS required" is configuration, not a policy value: the web module reports at start what runs (its HTTPS-only
 * handler, the server's HTTPS listener, HSTS), which is checked against the policy in effect, and the texts print
 * what runs, never what the policy says should run. Anyone may read it (the public /trust page prints it).
 */
public interface TransportSecurity {

    /**
     * The running configuration of this node, at start. Refused ({@link IllegalStateException}, the deployment fails)
     * when the policy in effect requires TLS and plain HTTP would reach the application.
     */
    void started(RunningTransport running);

    /** What runs on this node; {@code null} before the web module started (e.g. a deployment without it). */
    RunningTransport running();

    /**
     * @param httpsOnly     plain HTTP never reaches the application (pages redirected to HTTPS, the API refused)
     * @param httpsListener the server has an HTTPS listener ({@code null}: the management model could not be read)
     * @param httpsPort     its port ({@code null}: not read)
     * @param protocols     the TLS protocols its SSL context accepts (empty: not read)
     * @param hsts          the {@code Strict-Transport-Security} header sent with every HTTPS answer ({@code null}: none)
     */
    record RunningTransport(boolean httpsOnly, Boolean httpsListener, Integer httpsPort, List<String> protocols, String hsts) {

        public RunningTransport {
            protocols = protocols == null ? List.of() : List.copyOf(protocols);
        }

        /** Why a start is refused under a policy that does or does not require TLS ({@code null}: it is not). */
        public String refusal(boolean tlsRequired) {
            if (!tlsRequired) {
                return null;
            }
            if (!httpsOnly) {
                return "The security policy requires TLS but the HTTPS-only handler is not installed: refusing to start.";
            }
            // not read (no management model): the HTTPS-only handler alone keeps plain HTTP away
            return !Boolean.FALSE.equals(httpsListener) ? null
                    : "The security policy requires TLS but the server has no HTTPS listener: refusing to start.";
        }

        /** Plain HTTP never reaches the application and the server listens on HTTPS (or its listeners could not be read). */
        public boolean httpsOnlyRunning() {
            return httpsOnly && !Boolean.FALSE.equals(httpsListener);
        }

        /** HSTS's max-age in days ({@code 0}: no HSTS). */
        public long hstsDays() {
            if (hsts == null) {
                return 0;
            }
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("max-age=(\\d+)").matcher(hsts);
            return m.find() ? Long.parseLong(m.group(1)) / 86_400 : 0;
        }
    }
}
