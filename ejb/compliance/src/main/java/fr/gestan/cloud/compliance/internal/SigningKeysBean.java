package fr.gestan.cloud.compliance.internal;

import fr.gestan.cloud.common.Roles;
import fr.gestan.cloud.common.journal.JournalEvent;
import fr.gestan.cloud.common.keys.KeyRing;
import fr.gestan.cloud.common.keys.KeyView;
import fr.gestan.cloud.common.keys.RotatableKeys;
import fr.gestan.cloud.compliance.internal.pdf.SigningKeyRing;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The certificate signing key ring: listed to admins and auditors, rotated by an admin only. After a rotation new
 * certificates are signed with the new key; those already issued keep their signature (their PDF embeds the
 * certificate that verifies it) and their registry entry, so they verify as before. Journaled ({@code KEY_ROTATED}).
 */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class SigningKeysBean extends ComplianceServiceBase implements RotatableKeys {

    @Override
    @RolesAllowed({Roles.ADMIN, Roles.AUDITOR})
    public String purpose() {
        return SigningKeyRing.PURPOSE;
    }

    @Override
    @RolesAllowed({Roles.ADMIN, Roles.AUDITOR})
    public List<KeyView> keys() {
        SigningKeyRing ring = SigningKeyRing.current();
        Map<String, Long> uses = new HashMap<>();
        for (Object[] row : em.createNamedQuery(CertificateRecord.COUNT_BY_KEY, Object[].class).getResultList()) {
            // Certificates issued before key ids were recorded were signed by the initial key.
            String id = row[0] == null ? ring.initialId() : (String) row[0];
            uses.merge(id, ((Number) row[1]).longValue(), Long::sum);
        }
        String active = ring.active().id();
        return ring.members().stream().map(m -> new KeyView(SigningKeyRing.PURPOSE, m.id(), algorithm(m),
                KeyRing.createdAt(m.file()), m.id().equals(active), uses.getOrDefault(m.id(), 0L), m.file().toString())).toList();
    }

    private static String algorithm(SigningKeyRing.Member member) {
        return member.key().certificate().getSigAlgName() + ", " + member.key().certificate().getSubjectX500Principal().getName();
    }

    @Override
    public KeyView rotate() {
        String previous = SigningKeyRing.current().active().id();
        String id = SigningKeyRing.rotate(SigningKeyRing.ring());
        journal.record(new JournalEvent("KEY_ROTATED", null, SigningKeyRing.PURPOSE + ":" + id, JournalEvent.Outcome.SUCCESS,
                "replaces " + previous + "; issued certificates keep their signature"));
        return keys().stream().filter(k -> k.id().equals(id)).findFirst().orElseThrow();
    }
}
