package fr.gestan.cloud.it.support;

import fr.gestan.cloud.common.Roles;
import fr.gestan.cloud.security.api.ConfidentialityAgreements;
import fr.gestan.cloud.security.api.StaffMemberView;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Confidentiality agreements for tests. Rule R7 blocks every tenant while a support member has no valid agreement,
 * and other tests register support members without one on the shared database: tests that need a compliant tenant
 * sign one for each, as an administrator would through the back office.
 */
public final class SupportClearance {

    /** The smallest well-formed PDF: the scanned agreement. */
    public static final byte[] AGREEMENT_PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);

    private SupportClearance() {
    }

    /** Records a year's agreement for every support member without a valid one, as {@code admin}. */
    public static void clearEverySupportMember(ConfidentialityAgreements agreements, RoleCaller admin) throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
        for (StaffMemberView s : admin.call(() -> agreements.staff(0, 500))) {
            if (Roles.SUPPORT.equals(s.role()) && !s.cleared()) {
                admin.call(() -> agreements.recordAgreement(s.username(), today.minusDays(1), today.plusYears(1), "accord.pdf", AGREEMENT_PDF));
            }
        }
    }
}
