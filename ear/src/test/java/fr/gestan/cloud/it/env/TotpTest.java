package fr.gestan.cloud.it.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The TOTP helper against RFC 6238's own test vectors, and the demo secrets against the realm file. */
class TotpTest {

    @Test
    void rfc_6238_appendix_b_sha1_vectors() {
        byte[] key = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
        assertEquals("94287082", Totp.code(key, 59 / 30, 8));
        assertEquals("07081804", Totp.code(key, 1111111109L / 30, 8));
        assertEquals("14050471", Totp.code(key, 1111111111L / 30, 8));
        assertEquals("89005924", Totp.code(key, 1234567890L / 30, 8));
        assertEquals("69279037", Totp.code(key, 2000000000L / 30, 8));
        assertEquals("287082", Totp.code(key, 59 / 30, 6));
    }

    @Test
    void the_key_keycloak_shows_in_base32_is_the_raw_secret() {
        // The support demo secret as ./run.sh prints it for authenticator apps, spaced as Keycloak's enrolment page shows keys.
        assertEquals("gestandemosupport202", new String(Totp.fromBase32("M5SX G5DB NZSG K3LP ON2X A4DP OJ2D EMBS"), StandardCharsets.US_ASCII));
        assertEquals("f", new String(Totp.fromBase32("my======"), StandardCharsets.US_ASCII));
    }

    @Test
    void each_code_is_handed_out_once() {
        String first = Totp.nextCode("admin.demo");
        String second = Totp.nextCode("admin.demo");
        assertNotEquals(first, second);
        assertTrue(first.matches("\\d{6}") && second.matches("\\d{6}"));
    }

    @Test
    void a_wrong_code_is_none_of_the_codes_keycloak_accepts_now() {
        String wrong = Totp.wrongCode("support.demo", "auditor.demo");
        assertTrue(wrong.matches("\\d{6}"), wrong);
        long now = System.currentTimeMillis() / 30_000;
        for (String user : new String[] {"support.demo", "auditor.demo"}) {
            byte[] key = Totp.DEMO_SECRETS.get(user).getBytes(StandardCharsets.UTF_8);
            for (long step = now - 1; step <= now + 1; step++) {
                assertNotEquals(Totp.code(key, step, 6), wrong, user + " at step " + step);
            }
        }
    }

    @Test
    void the_demo_secrets_are_those_of_the_realm_file_and_staff_sign_in_with_a_second_factor() throws Exception {
        String realm = Files.readString(Path.of("src/main/keycloak/gestan-realm.json"));
        for (var demo : Totp.DEMO_SECRETS.entrySet()) {
            Matcher user = Pattern.compile("\"username\": \"" + Pattern.quote(demo.getKey())
                    + "\".*?\"type\": \"otp\".*?\"secretData\": \"\\{\\\\\"value\\\\\":\\\\\"([^\\\\]+)\\\\\"\\}\"",
                    Pattern.DOTALL).matcher(realm);
            assertTrue(user.find(), demo.getKey() + " has an OTP credential");
            assertEquals(demo.getValue(), user.group(1), demo.getKey());
        }
        assertTrue(realm.contains("\"browserFlow\": \"gestan browser\""));
        assertTrue(realm.contains("\"condUserRole\": \"staff\""));
    }
}
