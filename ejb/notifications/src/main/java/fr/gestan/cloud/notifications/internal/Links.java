package fr.gestan.cloud.notifications.internal;

import fr.gestan.cloud.common.config.PublicAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The public addresses the messages link to (under {@link PublicAddress}). */
final class Links {

    static final String SUBSCRIPTIONS = "/api/v1/public/status/subscriptions";

    private Links() {
    }

    static String status() {
        return PublicAddress.baseUrl() + "/status";
    }

    /** The client portal's page of sub-processor changes, where the client accepts or objects. */
    static String subProcessorChanges() {
        return PublicAddress.baseUrl() + "/portal/subprocessors.xhtml";
    }

    static String portal() {
        return PublicAddress.baseUrl() + "/portal/";
    }

    /** The client portal's certificates page. */
    static String certificates() {
        return PublicAddress.baseUrl() + "/portal/certificates.xhtml";
    }

    static String backOffice() {
        return PublicAddress.baseUrl() + "/admin/";
    }

    /**
     * Where staff reminders and alerts go: {@code gestan.notifications.on-call} or {@code GESTAN_NOTIFICATIONS_ON_CALL}
     * (default {@code oncall@gestan.localhost}, caught by the local GreenMail).
     */
    static String onCall() {
        String address = System.getProperty("gestan.notifications.on-call", System.getenv("GESTAN_NOTIFICATIONS_ON_CALL"));
        return address == null || address.isBlank() ? "oncall@gestan.localhost" : address.strip();
    }

    static String confirm(String token) {
        return PublicAddress.baseUrl() + SUBSCRIPTIONS + "/confirm?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    /** Where a confirmation token is POSTed (form field {@code token}): a webhook receiver confirms there. */
    static String confirmBase() {
        return PublicAddress.baseUrl() + SUBSCRIPTIONS + "/confirm";
    }

    static String unsubscribe(String token) {
        return PublicAddress.baseUrl() + SUBSCRIPTIONS + "/unsubscribe?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }
}
