package fr.gestan.cloud.tenants.internal;

import fr.gestan.cloud.common.Roles;
import fr.gestan.cloud.common.journal.JournalEvent;
import fr.gestan.cloud.common.keys.KeyRing;
import fr.gestan.cloud.common.keys.KeyView;
import fr.gestan.cloud.common.keys.RotatableKeys;
import fr.gestan.cloud.tenants.api.SecretKeyRotation;
import fr.gestan.cloud.tenants.api.SecretRekeyRunView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The hosted-account secret key ring: listed to admins and auditors, rotated by an admin only. A rotation makes a
 * new key active at once (new secrets use it; the old keys stay, so every stored secret can still be revealed),
 * journals {@code KEY_ROTATED} and starts the background re-encryption of the stored secrets under the new key.
 */
@Stateless
@Local({RotatableKeys.class, SecretKeyRotation.class})
@RolesAllowed(Roles.ADMIN)
public class SecretKeysBean extends TenantsServiceBase implements RotatableKeys, SecretKeyRotation {

    static final String ALGORITHM = "AES-256-GCM";

    @EJB
    SecretRekeyStore runs;
    @EJB
    SecretRekeyWorker worker;

    @Override
    @RolesAllowed({Roles.ADMIN, Roles.AUDITOR})
    public String purpose() {
        return SecretCipher.PURPOSE;
    }

    @Override
    @RolesAllowed({Roles.ADMIN, Roles.AUDITOR})
    public List<KeyView> keys() {
        SecretCipher cipher = SecretCipher.current();
        Map<String, Long> uses = new HashMap<>();
        for (Object[] row : em.createNamedQuery(HostedAccount.COUNT_BY_KEY, Object[].class).getResultList()) {
            // Secrets written before key ids were made by the initial key.
            String id = row[0] == null ? cipher.initialId() : (String) row[0];
            uses.merge(id, ((Number) row[1]).longValue(), Long::sum);
        }
        return cipher.members().stream().map(m -> new KeyView(SecretCipher.PURPOSE, m.id(), ALGORITHM,
                m.file() == null ? null : KeyRing.createdAt(m.file()), m.id().equals(cipher.activeId()),
                uses.getOrDefault(m.id(), 0L), m.file() == null ? null : m.file().toString())).toList();
    }

    @Override
    public KeyView rotate() {
        String previous = SecretCipher.current().activeId();
        String id = SecretCipher.rotate(SecretCipher.ring());
        String admin = actor();
        journal.record(new JournalEvent("KEY_ROTATED", null, SecretCipher.PURPOSE + ":" + id, JournalEvent.Outcome.SUCCESS,
                "replaces " + previous + "; stored secrets re-encrypted in the background"));
        long runId = runs.begin(id, admin);
        worker.start(runId);
        return keys().stream().filter(k -> k.id().equals(id)).findFirst()
                .orElse(new KeyView(SecretCipher.PURPOSE, id, ALGORITHM, Instant.now(), true, 0, null));
    }

    @Override
    @RolesAllowed({Roles.ADMIN, Roles.AUDITOR})
    public Optional<SecretRekeyRunView> lastRun() {
        return runs.last();
    }
}
