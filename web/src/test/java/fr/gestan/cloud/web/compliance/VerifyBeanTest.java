package fr.gestan.cloud.web.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import fr.gestan.cloud.compliance.api.CertificateCheck;
import fr.gestan.cloud.compliance.api.CertificateRegistry;
import fr.gestan.cloud.compliance.api.CertificateStatus;
import fr.gestan.cloud.compliance.api.CertificateStatusView;
import fr.gestan.cloud.security.api.IssuingEntryProof;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * /verify?number= looks the certificate up once per view (issue 19; docs/performance.md 4.21): its status and its
 * issuing entry's proof come from one registry call, however often the page asks for the proof.
 */
class VerifyBeanTest {

    private static final String NUMBER = "GC-2026-000042";
    private static final CertificateStatusView STATUS = new CertificateStatusView(NUMBER, null, null, "ab".repeat(32),
            CertificateStatus.VALID, Instant.EPOCH, Instant.EPOCH.plusSeconds(86_400), null, null);
    private static final IssuingEntryProof PROOF = new IssuingEntryProof(NUMBER, 7, 9, "leaf", List.of("h1", "h2"),
            "note", true, "ab".repeat(32));

    /** Records every look-up the bean makes. */
    static final class Registry implements CertificateRegistry {
        final List<String> calls = new ArrayList<>();
        final IssuingEntryProof proof;

        Registry(IssuingEntryProof proof) {
            this.proof = proof;
        }

        @Override
        public Optional<CertificateStatusView> verify(String number) {
            calls.add("verify " + number);
            return Optional.of(STATUS);
        }

        @Override
        public Optional<IssuingEntryProof> issuing(String number) {
            calls.add("issuing " + number);
            return Optional.ofNullable(proof);
        }

        @Override
        public Optional<CertificateCheck> check(String number) {
            calls.add("check " + number);
            return Optional.of(new CertificateCheck(STATUS, proof));
        }

        @Override
        public CertificateStatusView record(String tenantSiren, String sha256) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<CertificateStatusView> latest(int max) {
            throw new UnsupportedOperationException();
        }
    }

    private static VerifyBean viewOf(Registry registry, String number) {
        VerifyBean bean = new VerifyBean();
        bean.registry = registry;
        bean.setNumber(number);
        bean.verifyFromLink();
        return bean;
    }

    @Test
    void the_status_and_the_proof_come_from_one_look_up_of_the_number() {
        Registry registry = new Registry(PROOF);
        VerifyBean bean = viewOf(registry, NUMBER.toLowerCase());
        // the page asks for the proof in several expressions (rendered, position, tree size, validity, SHA-256)
        for (int i = 0; i < 5; i++) {
            assertSame(PROOF, bean.getIssuing());
        }
        assertEquals(STATUS, bean.getShown());
        assertEquals(List.of("check " + NUMBER.toLowerCase()), registry.calls);
    }

    @Test
    void a_certificate_without_an_issuing_entry_is_not_looked_up_again() {
        Registry registry = new Registry(null);
        VerifyBean bean = viewOf(registry, NUMBER);
        for (int i = 0; i < 5; i++) {
            assertNull(bean.getIssuing());
        }
        assertEquals(List.of("check " + NUMBER), registry.calls);
    }

    @Test
    void the_number_form_sent_empty_or_too_long_is_said_on_its_field_without_a_look_up() {
        Registry registry = new Registry(PROOF);
        VerifyBean empty = new VerifyBean();
        empty.registry = registry;
        empty.setNumber(" ");
        empty.verifyFromLink();
        assertEquals("verify.number.required", empty.getNumberProblem());
        VerifyBean tooLong = new VerifyBean();
        tooLong.registry = registry;
        tooLong.setNumber("GC-" + "9".repeat(VerifyBean.NUMBER_MAX_LENGTH));
        tooLong.verifyFromLink();
        assertEquals("verify.number.tooLong", tooLong.getNumberProblem());
        VerifyBean none = new VerifyBean();
        none.registry = registry;
        none.setNumber(null); // the page opened without a number
        none.verifyFromLink();
        assertNull(none.getNumberProblem());
        assertNull(none.getShown());
        assertEquals(List.of(), registry.calls);
    }

    @Test
    void the_number_form_checks_the_number_it_sends() {
        Registry registry = new Registry(PROOF);
        VerifyBean bean = new VerifyBean();
        bean.registry = registry;
        bean.setNumber(NUMBER);
        bean.verifyFromLink();
        assertNull(bean.getNumberProblem());
        assertEquals(NUMBER, bean.getNumber(), "shown again in the field");
        assertEquals(STATUS, bean.getShown());
        assertEquals(List.of("check " + NUMBER), registry.calls);
    }
}
