package fr.gestan.cloud.it.env;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * TOTP codes (RFC 6238: HMAC-SHA1, 6 digits, 30 s) for the demo staff users, whose secrets the realm file holds (OTP
 * credentials of {@code support.demo}, {@code admin.demo}, {@code auditor.demo}; Keycloak keys the HMAC with the
 * secret's UTF-8 bytes). Keycloak refuses a code used once ({@code otpPolicyCodeReusable: false}) and accepts the
 * neighbouring time steps (look-ahead 1): {@link #nextCode} hands out each step once per user, waiting for the next
 * step only when the three around now are spent.
 */
public final class Totp {

    /** The demo staff's raw TOTP secrets, as in ear/src/main/keycloak/gestan-realm.json (checked by TotpTest). */
    public static final Map<String, String> DEMO_SECRETS = Map.of(
            "support.demo", "gestandemosupport202",
            "admin.demo", "gestandemoadmin20260",
            "auditor.demo", "gestandemoauditor202");

    private static final long PERIOD_MILLIS = 30_000;
    /** How long before its end the previous step's code is no longer handed out. */
    private static final long PREVIOUS_STEP_MARGIN_MILLIS = 15_000;
    private static final Map<String, Set<Long>> USED = new HashMap<>();
    /** Users who enrolled during the tests (the key Keycloak showed them), beside the demo staff. */
    private static final Map<String, byte[]> ENROLLED = new HashMap<>();

    private Totp() {
    }

    /** Whether this user signs in with a second factor (a demo staff member). */
    public static synchronized boolean hasSecret(String username) {
        return DEMO_SECRETS.containsKey(username) || ENROLLED.containsKey(username);
    }

    /**
     * Remembers the key a user enrolled with, as Keycloak's enrolment page shows it "to type in" (Base32, spaced):
     * from then on {@link #nextCode(String)} and the sign-in helpers give its codes. Returns its first code.
     */
    public static synchronized String enrol(String username, String base32Key) {
        ENROLLED.put(username, fromBase32(base32Key));
        return nextCode(username);
    }

    /** RFC 4648 Base32 (spaces and padding ignored, any case). */
    static byte[] fromBase32(String text) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        String clean = text.replaceAll("[\\s=]", "").toUpperCase(java.util.Locale.ROOT);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (char c : clean.toCharArray()) {
            int value = alphabet.indexOf(c);
            if (value < 0) {
                throw new IllegalArgumentException("not Base32: " + text);
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                out.write((buffer >> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        return out.toByteArray();
    }

    /** A code of the user's secret that Keycloak has not seen yet. */
    public static synchronized String nextCode(String username) {
        String secret = DEMO_SECRETS.get(username);
        byte[] key = secret != null ? secret.getBytes(StandardCharsets.UTF_8) : ENROLLED.get(username);
        if (key == null) {
            throw new IllegalArgumentException("no known TOTP secret for " + username);
        }
        Set<Long> used = USED.computeIfAbsent(username, k -> new HashSet<>());
        while (true) {
            long millis = System.currentTimeMillis();
            long now = millis / PERIOD_MILLIS;
            // the previous step's code is only good until this step ends: on a loaded machine the form or grant may
            // reach Keycloak after that (PortalTwoFactorJourneyIT was refused so once), so it is used only early on
            boolean previousStillGood = millis % PERIOD_MILLIS < PERIOD_MILLIS - PREVIOUS_STEP_MARGIN_MILLIS;
            for (long step : previousStillGood ? new long[] {now, now + 1, now - 1} : new long[] {now, now + 1}) {
                if (used.add(step)) {
                    return code(key, step, 6);
                }
            }
            long wait = PERIOD_MILLIS - System.currentTimeMillis() % PERIOD_MILLIS + 100;
            System.out.printf("[gestan-it] the TOTP codes of %s around now are spent: %d ms until the next one%n", username, wait);
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * A code that Keycloak refuses for every one of these users now: none of their codes of the time steps it accepts
     * (the one after them too, should a step begin meanwhile). Spends no code, unlike drawing one to avoid it.
     */
    public static synchronized String wrongCode(String... usernames) {
        Set<String> valid = new HashSet<>();
        long now = System.currentTimeMillis() / PERIOD_MILLIS;
        for (String username : usernames) {
            String secret = DEMO_SECRETS.get(username);
            byte[] key = secret != null ? secret.getBytes(StandardCharsets.UTF_8) : ENROLLED.get(username);
            for (long step = now - 1; step <= now + 2; step++) {
                valid.add(code(key, step, 6));
            }
        }
        for (int digit = 0; ; digit++) {
            String candidate = String.valueOf(digit).repeat(6);
            if (!valid.contains(candidate)) {
                return candidate;
            }
        }
    }

    /** RFC 6238 / RFC 4226 with HMAC-SHA1: the {@code digits}-digit code of time step {@code step}. */
    public static String code(byte[] key, long step, int digits) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
            return String.format("%0" + digits + "d", binary % (int) Math.pow(10, digits));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
