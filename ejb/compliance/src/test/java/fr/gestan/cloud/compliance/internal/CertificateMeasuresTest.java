package fr.gestan.cloud.compliance.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.gestan.cloud.compliance.internal.pdf.CertificateContent;
import fr.gestan.cloud.security.api.PolicySettings;
import fr.gestan.cloud.security.api.TransportSecurity.RunningTransport;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A certificate's measures: the sign-in settings from the policy in force, "TLS" from what the server runs. */
class CertificateMeasuresTest {

    private static final PolicySettings POLICY = new PolicySettings(5, 60, 900, 43200, false, 16, 4, 30, true, 24, 3650, true, 90, 85)
            .withSignIn(20, 8, 14, 5);

    private static Map<String, String> byLabel(List<CertificateContent.Measure> measures) {
        return measures.stream().collect(Collectors.toMap(CertificateContent.Measure::labelEn, CertificateContent.Measure::value));
    }

    @Test
    void the_sign_in_lines_are_the_policys_and_the_tls_line_is_what_runs() {
        Map<String, String> m = byLabel(CertificateFacts.measures(POLICY,
                new RunningTransport(true, true, 8443, List.of("TLSv1.2", "TLSv1.3"), "max-age=63072000")));
        assertEquals("20\u00A0min", m.get("Idle session timeout"));
        assertEquals("8\u00A0h", m.get("Longest session"));
        assertEquals("14 / 5", m.get("Passwords: minimum length / last ones not reused"));
        assertEquals("oui / yes (TLSv1.2, TLSv1.3)", m.get("HTTPS (TLS) only, read on the server"));

        // the policy requires TLS, but the server lets plain HTTP in: the certificate says what runs
        assertEquals("non / no", byLabel(CertificateFacts.measures(POLICY, new RunningTransport(false, true, 8443, List.of(), null)))
                .get("HTTPS (TLS) only, read on the server"));
        assertEquals("non relevé / not read", byLabel(CertificateFacts.measures(POLICY, null)).get("HTTPS (TLS) only, read on the server"));
    }
}
