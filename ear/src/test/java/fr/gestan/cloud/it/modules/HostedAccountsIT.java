package fr.gestan.cloud.it.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.gestan.cloud.common.keys.KeyView;
import fr.gestan.cloud.common.keys.RotatableKeys;
import fr.gestan.cloud.it.support.Companies;
import fr.gestan.cloud.it.support.Deployments;
import fr.gestan.cloud.it.support.SupportClearance;
import fr.gestan.cloud.it.support.Ids;
import fr.gestan.cloud.it.support.WithRoleCallers;
import fr.gestan.cloud.security.api.ConfidentialityAgreements;
import fr.gestan.cloud.security.api.CredentialClearanceException;
import fr.gestan.cloud.security.api.JournalEntryView;
import fr.gestan.cloud.security.api.JournalQuery;
import fr.gestan.cloud.security.api.NewStaffMember;
import fr.gestan.cloud.security.api.StaffException;
import fr.gestan.cloud.tenants.api.AccountNotFoundException;
import fr.gestan.cloud.tenants.api.DataExports;
import fr.gestan.cloud.tenants.api.ExportNotFoundException;
import fr.gestan.cloud.tenants.api.ExportView;
import fr.gestan.cloud.tenants.api.HostedAccountView;
import fr.gestan.cloud.tenants.api.HostedAccounts;
import fr.gestan.cloud.tenants.api.IssuedSecret;
import fr.gestan.cloud.tenants.api.SecretKeyRotation;
import fr.gestan.cloud.tenants.api.SecretRekeyRunView;
import fr.gestan.cloud.tenants.api.SecretUnavailableException;
import fr.gestan.cloud.tenants.api.TenantService;
import fr.gestan.cloud.tenants.api.TenantRecord;
import fr.gestan.cloud.tenants.api.TenantView;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.validation.ConstraintViolationException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Hosted accounts: random secrets encrypted at rest, shown once, revealed only to cleared support, journaled. */
@ExtendWith(ArquillianExtension.class)
class HostedAccountsIT extends WithRoleCallers {

    static final byte[] PDF = SupportClearance.AGREEMENT_PDF;

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.modules(HostedAccountsIT.class, List.of(AsUnclearedSupport.class, AsClearedSupport.class),
                "gestan-tenants.jar");
    }

    @EJB
    HostedAccounts accounts;
    @EJB
    TenantService tenants;
    @EJB
    ConfidentialityAgreements agreements;
    @EJB
    JournalQuery journal;
    @EJB
    AsUnclearedSupport uncleared;
    /** Cleared support (support.accounts): support.it stays without agreement for SecurityAdminIT. */
    @EJB
    AsClearedSupport cleared;
    @EJB
    DataExports exports;
    @Resource(lookup = "java:jboss/datasources/GestanDS")
    DataSource dataSource;
    @EJB(beanName = "SecretKeysBean") // each module holding keys has its RotatableKeys
    RotatableKeys secretKeys;
    @EJB
    SecretKeyRotation secretKeyRotation;

    @BeforeEach
    void clearSupportAccounts() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
        try {
            admin.call(() -> agreements.registerStaff(new NewStaffMember("support.accounts", "Support comptes", "support")));
        } catch (StaffException alreadyRegistered) {
            // another test class registered it on this database
        }
        admin.call(() -> agreements.recordAgreement("support.accounts", today.minusDays(1), today.plusYears(1), "accord.pdf", PDF));
    }

    private TenantRecord newTenant() throws Exception {
        return support.call(() -> tenants.create(Companies.minimal("Comptoir des Comptes SARL", Ids.siren())));
    }

    @Test
    void a_created_secret_is_random_shown_once_stored_encrypted_and_revealed_only_with_a_reason() throws Exception {
        TenantRecord tenant = newTenant();
        IssuedSecret issued = cleared.call(() -> accounts.create(tenant.id(), "Jeanne Martin"));
        String secret = issued.secret();
        HostedAccountView account = issued.account();
        assertEquals("jmartin." + tenant.siren(), account.login());
        assertTrue(secret.length() >= 15, "policy length and 90 bits: " + secret.length());
        assertTrue(secret.chars().noneMatch(c -> "0O1lI".indexOf(c) >= 0), "no look-alikes");
        assertTrue(account.mustChange());
        assertTrue(account.secretStored());
        assertTrue(account.secretExpiresOn().isAfter(LocalDate.now(ZoneId.of("Europe/Paris"))));

        // At rest: the column holds AES-GCM bytes, never the secret.
        byte[] stored = storedCiphertext(account.id());
        assertTrue(stored.length > secret.length() + 12, "IV + ciphertext + tag");
        assertFalse(new String(stored, StandardCharsets.ISO_8859_1).contains(secret));
        assertFalse(new String(stored, StandardCharsets.UTF_8).contains(secret));

        // The account list never carries the secret.
        List<HostedAccountView> listed = auditor.call(() -> accounts.ofTenant(tenant.id()));
        assertEquals(1, listed.size());
        assertFalse(listed.toString().contains(secret));

        // Reveal: a reason is required (Bean Validation), then the secret comes back and the act is journaled.
        assertInstanceOf(ConstraintViolationException.class, rootOf(assertThrows(EJBException.class,
                () -> cleared.call(() -> accounts.reveal(account.id(), " ")))));
        assertEquals(secret, cleared.call(() -> accounts.reveal(account.id(), "Client locked out, ticket #4521")));
        JournalEntryView revealed = auditor.call(() -> journal.ofTenant(tenant.siren(), 0, 1)).get(0);
        assertEquals("SECRET_REVEALED", revealed.action());
        assertEquals("support.accounts", revealed.actor());
        assertEquals(account.login(), revealed.target());
        assertEquals("Client locked out, ticket #4521", revealed.reason());

        // Reset: a new secret, journaled; the old one is gone.
        IssuedSecret reset = cleared.call(() -> accounts.reset(account.id(), "ticket #4522"));
        assertNotEquals(secret, reset.secret());
        assertEquals(reset.secret(), cleared.call(() -> accounts.reveal(account.id(), "Checking the reset, ticket #4522")));
        assertTrue(auditor.call(() -> journal.ofTenant(tenant.siren(), 0, 5)).stream().anyMatch(e -> e.action().equals("SECRET_RESET")));
    }

    @Test
    void an_expired_initial_secret_cannot_be_revealed_only_reset_and_shows_as_overdue() throws Exception {
        TenantRecord tenant = newTenant();
        HostedAccountView account = cleared.call(() -> accounts.create(tenant.id(), "Paul Expire")).account();
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
        try (Connection c = dataSource.getConnection();
             PreparedStatement update = c.prepareStatement("update hosted_account set secret_expires_on = ? where id = ?")) {
            update.setObject(1, today.minusDays(1));
            update.setLong(2, account.id());
            assertEquals(1, update.executeUpdate());
        }
        SecretUnavailableException refused = assertThrows(SecretUnavailableException.class,
                () -> cleared.call(() -> accounts.reveal(account.id(), "Client lost it, ticket #77")));
        assertTrue(refused.expired(), refused.getMessage());
        HostedAccountView listed = auditor.call(() -> accounts.ofTenant(tenant.id())).get(0);
        assertTrue(listed.overdue(), "staff see it overdue");
        IssuedSecret renewed = cleared.call(() -> accounts.reset(account.id(), "expired, ticket #77"));
        assertFalse(renewed.account().overdue());
        assertEquals(renewed.secret(), cleared.call(() -> accounts.reveal(account.id(), "after the reset, ticket #77")));
    }

    @Test
    void support_without_an_agreement_and_other_roles_are_refused_by_the_ejb() throws Exception {
        TenantRecord tenant = newTenant();
        IssuedSecret issued = cleared.call(() -> accounts.create(tenant.id(), "Paul Durand"));
        long id = issued.account().id();
        long journalBefore = auditor.call(() -> journal.countOfTenant(tenant.siren()));

        assertThrows(CredentialClearanceException.class, () -> uncleared.call(() -> accounts.reveal(id, "I would like to see it")));
        assertThrows(CredentialClearanceException.class, () -> uncleared.call(() -> accounts.reset(id, "reset please")));
        assertThrows(CredentialClearanceException.class, () -> uncleared.call(() -> accounts.create(tenant.id(), "Eve Intruse")));
        List<JournalEntryView> refusals = auditor.call(() -> journal.ofTenant(tenant.siren(), 0, 3));
        assertTrue(refusals.stream().allMatch(e -> e.action().equals("SECRET_REVEAL_REFUSED") && e.actor().equals("support.nodeal")),
                () -> "refusals journaled: " + refusals);
        assertEquals(journalBefore + 3, auditor.call(() -> journal.countOfTenant(tenant.siren())));
        assertEquals(1, auditor.call(() -> accounts.ofTenant(tenant.id())).size(), "nothing created by the refused call");

        assertThrows(EJBAccessException.class, () -> admin.call(() -> accounts.reveal(id, "administrators are not support")));
        assertThrows(EJBAccessException.class, () -> auditor.call(() -> accounts.reveal(id, "auditors read journals only")));
        assertThrows(EJBAccessException.class, () -> client.call(() -> accounts.reveal(id, "clients never reveal")));
        assertThrows(EJBAccessException.class, () -> accounts.reveal(id, "anonymous callers neither"));
    }

    @Test
    void a_client_sees_its_accounts_without_secrets_and_cannot_touch_another_tenants() throws Exception {
        TenantView martin = support.call(() -> tenants.bySiren("842317653"));
        IssuedSecret mine = cleared.call(() -> accounts.create(martin.id(), "Lucie Martin"));
        IssuedSecret other = cleared.call(() -> accounts.create(newTenant().id(), "Autre Personne"));

        List<HostedAccountView> visible = client.call(accounts::myAccounts);
        assertTrue(visible.stream().anyMatch(a -> a.id() == mine.account().id()));
        assertTrue(visible.stream().noneMatch(a -> a.id() == other.account().id()));
        assertFalse(visible.toString().contains(mine.secret()));

        assertThrows(AccountNotFoundException.class, () -> client.call(() -> accounts.requestReset(other.account().id())));
        assertThrows(AccountNotFoundException.class, () -> client.call(() -> accounts.markChanged(other.account().id())));

        long pendingBefore = cleared.call(accounts::pendingResetRequestCount);
        HostedAccountView requested = client.call(() -> accounts.requestReset(mine.account().id()));
        assertTrue(requested.resetRequestedAt() != null);
        assertTrue(cleared.call(() -> accounts.pendingResetRequests(500)).stream().anyMatch(a -> a.id() == mine.account().id()));
        // the requests tile's count (a count query) counts what the list holds
        assertEquals(pendingBefore + 1, cleared.call(accounts::pendingResetRequestCount));
        assertEquals(cleared.call(() -> accounts.pendingResetRequests(500)).size(), cleared.call(accounts::pendingResetRequestCount));

        HostedAccountView changed = client.call(() -> accounts.markChanged(mine.account().id()));
        assertFalse(changed.mustChange());
        assertFalse(changed.secretStored());
        assertTrue(changed.changedAt() != null, "the change date is recorded");
        assertNull(storedCiphertext(mine.account().id()), "support no longer holds a secret the client changed");
        assertThrows(SecretUnavailableException.class, () -> cleared.call(() -> accounts.reveal(mine.account().id(), "after the client changed it")));
    }

    private byte[] storedCiphertext(long accountId) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select secret_ciphertext from hosted_account where id = ?")) {
            s.setLong(1, accountId);
            try (ResultSet r = s.executeQuery()) {
                assertTrue(r.next());
                return r.getBytes(1);
            }
        }
    }

    private static Throwable rootOf(Throwable t) {
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    @Test
    void a_client_exports_its_data_as_a_zip_whose_manifest_matches_and_never_sees_anothers_export() throws Exception {
        TenantView martin = support.call(() -> tenants.bySiren("842317653"));
        IssuedSecret account = cleared.call(() -> accounts.create(martin.id(), "Export Testeur"));
        ExportView started = client.call(exports::startMine);
        assertEquals("842317653", started.tenantSiren());
        ExportView done = started;
        for (int i = 0; i < 120 && !done.ready(); i++) {
            assertNotEquals(ExportView.State.FAILED, done.state());
            Thread.sleep(250);
            long id = started.id();
            done = client.call(() -> exports.get(id));
        }
        assertTrue(done.ready(), "export finished: " + done);
        assertEquals(100, done.percent());
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        long id = done.id();
        client.call(() -> {
            exports.download(id, zip);
            return null;
        });
        assertEquals(done.sizeBytes(), zip.size());
        assertEquals(done.sha256(), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(zip.toByteArray())));

        Map<String, byte[]> files = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.toByteArray()), StandardCharsets.UTF_8)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                files.put(e.getName(), in.readAllBytes());
            }
        }
        assertTrue(files.keySet().containsAll(List.of("company.json", "company.csv", "contacts.csv", "accounts.json",
                "accounts.csv", "change-requests.csv", "access-journal.tsv", "MANIFEST")), files.keySet()::toString);
        String manifest = new String(files.get("MANIFEST"), StandardCharsets.UTF_8);
        int listed = 0;
        for (String line : manifest.split("\n")) {
            String[] parts = line.split("  ", 2);
            byte[] content = files.get(parts[1]);
            assertTrue(content != null, "listed file present: " + parts[1]);
            assertEquals(parts[0], HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)), parts[1]);
            listed++;
        }
        assertEquals(files.size() - 1, listed, "every file but the manifest is listed");
        String everything = files.values().stream().map(b -> new String(b, StandardCharsets.UTF_8)).reduce("", String::concat);
        assertTrue(everything.contains("Boulangerie Martin SARL"));
        assertTrue(new String(files.get("accounts.csv"), StandardCharsets.UTF_8).contains(account.account().login()));
        assertFalse(everything.contains(account.secret()), "never a secret in the export");
        assertTrue(new String(files.get("access-journal.tsv"), StandardCharsets.UTF_8).contains("842317653"));
        assertTrue(auditor.call(() -> journal.ofTenant("842317653", 0, 5)).stream().anyMatch(e -> e.action().equals("EXPORT_DOWNLOADED")));

        // Another tenant's export: invisible to this client, whatever id it sends.
        TenantRecord other = newTenant();
        ExportView foreign = support.call(() -> exports.start(other.id()));
        assertThrows(ExportNotFoundException.class, () -> client.call(() -> exports.get(foreign.id())));
        assertThrows(ExportNotFoundException.class, () -> client.call(() -> {
            exports.download(foreign.id(), new ByteArrayOutputStream());
            return null;
        }));
        assertThrows(EJBAccessException.class, () -> client.call(() -> exports.start(other.id())));
        assertThrows(EJBAccessException.class, () -> auditor.call(() -> exports.start(other.id())));
    }

    /**
     * Key rotation (issue 18 item 4): an admin rotates the secret key; new secrets use the new key, the stored ones
     * are re-encrypted in the background with a stored progress, a secret still under the old key opens, a run whose
     * server stopped is resumed by the timer, the rotation is journaled, and nobody else may rotate.
     */
    @Test
    void rotating_the_secret_key_re_encrypts_the_stored_secrets_in_the_background_and_every_secret_stays_revealable() throws Exception {
        TenantRecord tenant = newTenant();
        IssuedSecret before = cleared.call(() -> accounts.create(tenant.id(), "Paul Avant"));
        List<KeyView> keysBefore = auditor.call(secretKeys::keys);
        String oldKey = keysBefore.stream().filter(KeyView::active).map(KeyView::id).findFirst().orElseThrow();
        assertEquals(1, keysBefore.stream().filter(KeyView::active).count(), "one active key");
        byte[] oldCiphertext = storedCiphertext(before.account().id());
        assertEquals(oldKey, keyIdIn(oldCiphertext), "the ciphertext names its key");

        for (var caller : List.of(support, auditor, client)) {
            assertThrows(EJBAccessException.class, () -> caller.call(secretKeys::rotate), "admin only");
        }
        assertThrows(EJBAccessException.class, () -> secretKeys.rotate(), "anonymous neither");

        KeyView rotated = admin.call(secretKeys::rotate);
        assertTrue(rotated.active());
        assertNotEquals(oldKey, rotated.id());
        assertEquals("AES-256-GCM", rotated.algorithm());
        List<KeyView> keysAfter = auditor.call(secretKeys::keys);
        assertEquals(keysBefore.size() + 1, keysAfter.size(), "the old keys stay in the ring");
        assertFalse(keysAfter.stream().filter(k -> k.id().equals(oldKey)).findFirst().orElseThrow().active());

        // Background re-encryption: a stored run, with its progress, ends with this account under the new key.
        SecretRekeyRunView run = awaitRunOf(rotated.id());
        assertTrue(run.total() >= 1 && run.done() >= 1 && run.done() + run.failed() == run.total(), run::toString);
        assertEquals(100, run.percent());
        assertEquals("admin.it", run.startedBy());
        byte[] reencrypted = storedCiphertext(before.account().id());
        assertEquals(rotated.id(), keyIdIn(reencrypted));
        assertEquals(rotated.id(), storedKeyId(before.account().id()));
        assertEquals(before.secret(), cleared.call(() -> accounts.reveal(before.account().id(), "after the rotation")));

        // A new secret uses the new key.
        IssuedSecret after = cleared.call(() -> accounts.create(tenant.id(), "Paul Apres"));
        assertEquals(rotated.id(), keyIdIn(storedCiphertext(after.account().id())));
        assertTrue(auditor.call(secretKeys::keys).stream().filter(k -> k.id().equals(rotated.id())).findFirst().orElseThrow().uses() >= 2);

        // A secret still under the old key (as one not reached yet) opens with the old key of the ring...
        setStoredSecret(before.account().id(), oldCiphertext, oldKey);
        assertEquals(before.secret(), cleared.call(() -> accounts.reveal(before.account().id(), "still under the old key")));
        // ...and a run whose server stopped (no heartbeat for a minute) is resumed by a node's timer, which finishes it.
        long stale = insertStaleRun(rotated.id());
        long deadline = System.currentTimeMillis() + 90_000;
        while (!rotated.id().equals(storedKeyId(before.account().id())) && System.currentTimeMillis() < deadline) {
            Thread.sleep(500);
        }
        assertEquals(rotated.id(), keyIdIn(storedCiphertext(before.account().id())), "the resumed run re-encrypted it");
        SecretRekeyRunView resumed = awaitRunOf(rotated.id());
        assertEquals(stale, resumed.id());
        assertTrue(resumed.done() >= 1, resumed::toString);
        assertEquals(before.secret(), cleared.call(() -> accounts.reveal(before.account().id(), "after the resumed run")));

        // Journaled: who rotated, which key replaced which.
        JournalEntryView entry = auditor.call(() -> journal.latest(200)).stream()
                .filter(e -> "KEY_ROTATED".equals(e.action()) && ("hosted-accounts:" + rotated.id()).equals(e.target()))
                .findFirst().orElseThrow();
        assertEquals("admin.it", entry.actor());
        assertTrue(entry.reason().contains(oldKey), entry.reason());
    }

    private SecretRekeyRunView awaitRunOf(String keyId) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (true) {
            SecretRekeyRunView run = auditor.call(secretKeyRotation::lastRun).orElseThrow();
            if (run.keyId().equals(keyId) && !run.running()) {
                return run;
            }
            assertTrue(System.currentTimeMillis() < deadline, () -> "re-encryption still running: " + run);
            Thread.sleep(200);
        }
    }

    /** The key id a stored value names (format 2: {@code 2 | length | id | ...}). */
    private static String keyIdIn(byte[] stored) {
        assertEquals(2, stored[0], "format with key id");
        return new String(stored, 2, stored[1], StandardCharsets.US_ASCII);
    }

    private String storedKeyId(long accountId) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select secret_key_id from hosted_account where id = ?")) {
            s.setLong(1, accountId);
            try (ResultSet r = s.executeQuery()) {
                assertTrue(r.next());
                return r.getString(1);
            }
        }
    }

    private void setStoredSecret(long accountId, byte[] ciphertext, String keyId) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("update hosted_account set secret_ciphertext = ?, secret_key_id = ? where id = ?")) {
            s.setBytes(1, ciphertext);
            s.setString(2, keyId);
            s.setLong(3, accountId);
            assertEquals(1, s.executeUpdate());
        }
    }

    /** A run as a server that stopped mid-way leaves it: RUNNING, its last heartbeat long ago. */
    private long insertStaleRun(String keyId) throws Exception {
        java.sql.Timestamp longAgo = java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(3600));
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("insert into secret_rekey_run (key_id, started_by, started_at, heartbeat_at, state,"
                     + " total, done, failed) values (?, 'admin.it', ?, ?, 'RUNNING', 1, 0, 0)", new String[] {"id"})) {
            s.setString(1, keyId);
            s.setTimestamp(2, longAgo);
            s.setTimestamp(3, longAgo);
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                assertTrue(keys.next());
                return keys.getLong(1);
            }
        }
    }
}
