package fr.gestan.cloud.notifications.internal;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Which webhook addresses may be called (SSRF guard): HTTPS only, to public addresses only — no loopback, private,
 * link-local, unique-local, multicast or unspecified address — checked when the URL is saved and again on the address
 * actually connected to (DNS rebinding). The setting {@value #ALLOW_LOOPBACK_PROPERTY}{@code =true} (tests, never in
 * production) allows {@code http://127.0.0.1:<port>/...} and nothing else besides; unset, it follows demo mode (on in
 * demo mode, off outside it).
 */
final class WebhookAddresses {

    static final String ALLOW_LOOPBACK_PROPERTY = "gestan.notifications.webhooks.allow-loopback-http";

    private final boolean allowLoopbackHttp;

    WebhookAddresses(boolean allowLoopbackHttp) {
        this.allowLoopbackHttp = allowLoopbackHttp;
    }

    static WebhookAddresses current() {
        return new WebhookAddresses(allowLoopback(System.getProperty(ALLOW_LOOPBACK_PROPERTY), fr.gestan.cloud.common.DemoMode.enabled()));
    }

    /** The setting when given, else on in demo mode (local run, tests) and off otherwise (production: SSRF guard). */
    static boolean allowLoopback(String setting, boolean demo) {
        return setting == null || setting.isBlank() ? demo : Boolean.parseBoolean(setting.strip());
    }

    /** The parsed URL if its form is allowed (scheme, host, no user info), else null. */
    URI parse(String url) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            return null;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || uri.getUserInfo() != null || uri.getFragment() != null) {
            return null;
        }
        if (scheme.equals("https")) {
            return uri;
        }
        return scheme.equals("http") && isLoopbackTestHost(uri.getHost()) ? uri : null;
    }

    private boolean isLoopbackTestHost(String host) {
        return allowLoopbackHttp && host.equals("127.0.0.1");
    }

    /** Whether connecting to {@code address} for {@code uri} is allowed. */
    boolean mayConnect(URI uri, InetAddress address) {
        if ("http".equalsIgnoreCase(uri.getScheme())) {
            return allowLoopbackHttp && address.isLoopbackAddress() && isLoopbackTestHost(uri.getHost());
        }
        return isPublic(address);
    }

    static boolean isPublic(InetAddress a) {
        if (a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress()
                || a.isMulticastAddress()) {
            return false;
        }
        byte[] b = a.getAddress();
        if (b.length == 4) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first != 0 && !(first == 100 && second >= 64 && second < 128) // carrier-grade NAT 100.64/10
                    && !(first == 192 && second == 0 && (b[2] & 0xff) == 0) && first < 224;
        }
        // IPv6 unique local fc00::/7 and IPv4-mapped addresses (judged as their IPv4 address)
        if ((b[0] & 0xfe) == 0xfc) {
            return false;
        }
        boolean mapped = true;
        for (int i = 0; i < 10; i++) {
            mapped &= b[i] == 0;
        }
        if (mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            try {
                return isPublic(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
            } catch (java.net.UnknownHostException e) {
                return false;
            }
        }
        return true;
    }
}
