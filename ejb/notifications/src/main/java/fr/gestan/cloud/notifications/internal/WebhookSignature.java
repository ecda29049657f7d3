package fr.gestan.cloud.notifications.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signatures (standardwebhooks.com): the secret is {@code whsec_} + base64 of random bytes; the
 * header {@code webhook-signature} is {@code v1,} + base64 of HMAC-SHA256, keyed by the secret's bytes, of
 * {@code <webhook-id>.<webhook-timestamp>.<body>}.
 */
final class WebhookSignature {

    static final String PREFIX = "whsec_";

    private WebhookSignature() {
    }

    static String newSecret() {
        return PREFIX + Base64.getEncoder().encodeToString(Tokens.bytes(32));
    }

    static String sign(String secret, String id, long timestampSeconds, String body) {
        if (!secret.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a whsec_ secret");
        }
        byte[] key = Base64.getDecoder().decode(secret.substring(PREFIX.length()));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal((id + "." + timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
