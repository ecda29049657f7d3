package fr.gestan.cloud.compliance.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class CertificateBatchTallyTest {

    @Test
    void each_tenant_looked_at_is_counted_once_under_one_outcome() {
        CertificateBatchTally t = CertificateBatchTally.NONE.withIssued().withAlreadyValid().withRefused("842317653").withIssued()
                .withNoContract().withRefusedEvidence("913572467");
        // our missing evidence is counted apart from the tenants a rule blocks, and listed with the refused
        assertEquals(new CertificateBatchTally(6, 2, 1, 1, 1, List.of("842317653", "913572467"), 1), t);
        assertEquals("considered 6, issued 2, already valid 1, without contract 1, refused 1, refused (our evidence missing) 1", t.summary());
    }

    @Test
    void the_refused_sirens_shown_are_capped_but_all_are_counted() {
        CertificateBatchTally t = CertificateBatchTally.NONE;
        for (int i = 0; i < CertificateBatchTally.REFUSED_SHOWN + 7; i++) {
            t = t.withRefused(String.format("%09d", i));
        }
        assertEquals(CertificateBatchTally.REFUSED_SHOWN + 7, t.refused());
        assertEquals(CertificateBatchTally.REFUSED_SHOWN, t.refusedSirens().size());
        assertEquals("000000000", t.refusedSirens().get(0));
    }

    @Test
    void an_inconsistent_tally_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> new CertificateBatchTally(3, 1, 1, 0, 0, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new CertificateBatchTally(-1, 0, 0, 0, -1, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new CertificateBatchTally(1, 1, 0, 0, 0, List.of(), 1));
    }
}
