package fr.gestan.cloud.it.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.gestan.cloud.common.journal.AccessJournal;
import fr.gestan.cloud.common.journal.JournalEvent;
import fr.gestan.cloud.common.keys.KeyRing;
import fr.gestan.cloud.common.keys.KeyView;
import fr.gestan.cloud.common.keys.RotatableKeys;
import fr.gestan.cloud.it.support.Deployments;
import fr.gestan.cloud.it.support.Ids;
import fr.gestan.cloud.it.support.WithRoleCallers;
import fr.gestan.cloud.security.api.CheckpointView;
import fr.gestan.cloud.security.api.ConsistencyProofView;
import fr.gestan.cloud.security.api.InclusionProofView;
import fr.gestan.cloud.security.api.JournalEntryView;
import fr.gestan.cloud.security.api.JournalIntegrity;
import fr.gestan.cloud.security.api.JournalProofs;
import fr.gestan.cloud.security.api.JournalQuery;
import fr.gestan.cloud.security.api.JournalVerifier;
import fr.gestan.cloud.security.api.JournalVerifier.MerkleLog;
import fr.gestan.cloud.security.api.JournalVerifier.Problem;
import fr.gestan.cloud.security.api.JournalVerifier.Result;
import fr.gestan.cloud.security.api.LogSizeException;
import fr.gestan.cloud.security.api.VerificationProgress;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import java.io.BufferedReader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The journal's transparency log on the real server and database (PostgreSQL in the suite): appends in the action's
 * transaction without any shared lock, the sequencer and checkpoints running in the server, the append-only trigger,
 * proofs, and each kind of tampering detected and pinpointed by verification. Each tampering is repaired before the
 * test ends (or the log is rebuilt), so the log stays valid for the other tests.
 */
@ExtendWith(ArquillianExtension.class)
class JournalIT extends WithRoleCallers {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.modules(JournalIT.class, "gestan-tenants.jar");
    }

    @EJB
    AccessJournal writer;
    @EJB
    JournalQuery journal;
    @EJB
    JournalIntegrity integrity;
    @EJB
    JournalProofs proofs;
    @EJB(beanName = "CheckpointKeysBean") // each module holding keys has its RotatableKeys
    RotatableKeys checkpointKeys;
    @EJB(beanName = "MacKeysBean")
    RotatableKeys macKeys;

    @Resource(lookup = "java:jboss/datasources/GestanDS")
    DataSource dataSource;

    /** The schema owner's connection (migrations, triggers): what an attacker with the owner's rights would use. */
    @Resource(lookup = "java:jboss/datasources/GestanMigrationDS")
    DataSource ownerDataSource;

    private void append(String tenant, String target) throws Exception {
        support.call(() -> {
            writer.record(JournalEvent.success("SECRET_REVEALED", tenant, target));
            return null;
        });
    }

    private Result verify() throws Exception {
        return auditor.call(() -> integrity.verify(new VerificationProgress()));
    }

    private void assertIntact() throws Exception {
        Result result = verify();
        assertTrue(result.ok(), result::toString);
    }

    private CheckpointView checkpoint() throws Exception {
        return admin.call(integrity::checkpointNow).orElseThrow();
    }

    private boolean postgres() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        }
    }

    /** SQL as the schema owner with the append-only triggers off, the sequencer's lease row held (JournalTamper). */
    private void tamper(String... statements) throws SQLException {
        fr.gestan.cloud.it.support.JournalTamper.run(ownerDataSource, statements);
    }

    /** After a tampering that cannot be undone in place: the log rebuilt from the entries, as after a fresh migration. */
    private void rebuildLog() throws Exception {
        tamper("delete from journal_leaf", "delete from journal_tile", "delete from journal_log_checkpoint", "delete from journal_checkpoint_key",
                "update journal_log_state set tree_size = 0, root_hash = '" + JournalVerifier.hex(MerkleLog.EMPTY_ROOT)
                        + "', floor_id = legacy_max_id");
        checkpoint();
    }

    private long queryLong(String query) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement sql = c.createStatement(); ResultSet rs = sql.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private String queryString(String query) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement sql = c.createStatement(); ResultSet rs = sql.executeQuery(query)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** Five entries of a fresh tenant, signed; returns their views (oldest first), positions included. */
    private List<JournalEntryView> seededLog() throws Exception {
        String tenant = Ids.siren();
        for (int i = 0; i < 5; i++) {
            append(tenant, "db-admin-" + i);
        }
        checkpoint();
        assertIntact();
        List<JournalEntryView> mine = new ArrayList<>(auditor.call(() -> journal.ofTenant(tenant, 0, 10)));
        java.util.Collections.reverse(mine);
        return mine;
    }

    @Test
    void entries_are_written_in_the_actions_transaction_and_a_rollback_leaves_no_entry() throws Exception {
        String tenant = Ids.siren();
        append(tenant, "backup-operator");

        assertThrows(EJBException.class, () -> support.call(() -> {
            writer.record(JournalEvent.success("SECRET_REVEALED", tenant, "rolled-back"));
            throw new IllegalStateException("the action fails after journaling");
        }));
        assertEquals(1, auditor.call(() -> journal.countOfTenant(tenant)), "a rolled-back action leaves no entry");

        assertThrows(EJBException.class, () -> support.call(() -> {
            writer.recordIndependently(JournalEvent.refused("SECRET_REVEAL_REFUSED", tenant, "no-agreement", "no agreement"));
            throw new IllegalStateException("refused");
        }));
        CheckpointView signed = checkpoint();
        List<JournalEntryView> mine = auditor.call(() -> journal.ofTenant(tenant, 0, 10));
        assertEquals(List.of("SECRET_REVEAL_REFUSED", "SECRET_REVEALED"), mine.stream().map(JournalEntryView::action).toList());
        assertEquals("REFUSED", mine.get(0).outcome());
        assertTrue(mine.get(0).seq() > mine.get(1).seq(), "positions follow commits");
        assertTrue(mine.get(0).seq() < signed.seq(), "the checkpoint covers both");
        assertEquals(64, mine.get(0).entryHash().length());
        assertIntact();
    }

    @Test
    void a_bulk_append_writes_the_same_entries_in_the_callers_transaction() throws Exception {
        String tenant = Ids.siren();
        List<JournalEvent> events = java.util.stream.IntStream.range(0, 2_500)
                .mapToObj(i -> JournalEvent.success("TENANT_VIEWED", tenant, "bulk " + i)).toList();

        assertThrows(EJBException.class, () -> support.call(() -> {
            writer.recordAll(events);
            throw new IllegalStateException("the import fails after journaling");
        }));
        assertEquals(0, auditor.call(() -> journal.countOfTenant(tenant)), "a rolled-back bulk append leaves no entry");

        assertEquals(2_500, (int) support.call(() -> writer.recordAll(events)));
        CheckpointView signed = checkpoint();
        assertEquals(2_500, auditor.call(() -> journal.countOfTenant(tenant)));
        List<JournalEntryView> newest = auditor.call(() -> journal.ofTenant(tenant, 0, 2));
        assertEquals("bulk 2499", newest.get(0).target());
        assertEquals("support.it", newest.get(0).actor(), "the caller is the actor, as with one entry");
        assertEquals("support", newest.get(0).actorRole());
        assertTrue(newest.get(0).seq() < signed.seq(), "sequenced and covered by the next checkpoint");
        assertIntact(); // every bulk entry's MAC verifies: the same encoding as one appended alone

        List<JournalEvent> tooMany = java.util.Collections.nCopies(AccessJournal.MAX_BATCH + 1, events.get(0));
        assertThrows(EJBException.class, () -> support.call(() -> writer.recordAll(tooMany)));
    }

    @Test
    void concurrent_writers_each_get_one_position_and_every_proof_verifies() throws Exception {
        String tenant = Ids.siren();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int w = 0; w < 8; w++) {
                int writerNo = w;
                runs.add(pool.submit(() -> {
                    for (int i = 0; i < 15; i++) {
                        append(tenant, "w" + writerNo + "-" + i);
                    }
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdown();
        }
        CheckpointView signed = checkpoint();
        List<JournalEntryView> mine = auditor.call(() -> journal.ofTenant(tenant, 0, 200));
        assertEquals(120, mine.size());
        Set<Long> positions = new HashSet<>();
        PublicKey key = JournalVerifier.readPublicKeyPem(integrity.publicKeyPem());
        for (JournalEntryView entry : mine) {
            assertTrue(positions.add(entry.seq()), "one position each");
            InclusionProofView proof = support.call(() -> proofs.inclusion(entry.id())).orElseThrow();
            MerkleLog.Checkpoint opened = MerkleLog.open(proof.checkpoint(), signed.note().split("\n")[0], key);
            MerkleLog.verifyInclusion(proof.position(), proof.treeSize(), MerkleLog.leafHash(Base64.getDecoder().decode(proof.leaf())),
                    proof.proof().stream().map(Base64.getDecoder()::decode).toList(), opened.root());
            assertEquals(entry.entryHash(), JournalVerifier.hex(Base64.getDecoder().decode(proof.leafHash())));
        }
        assertIntact();
    }

    @Test
    void proofs_clients_see_their_own_entries_only_and_anyone_checks_consistency() throws Exception {
        append("842317653", "client-demo-db"); // client.demo speaks for 842317653 (demo data)
        append(Ids.siren(), "another-company");
        CheckpointView first = checkpoint();
        List<JournalEntryView> own = auditor.call(() -> journal.ofTenant("842317653", 0, 1));
        assertTrue(client.call(() -> proofs.inclusion(own.get(0).id())).isPresent());
        long other = queryLong("select max(id) from journal_entry where tenant_ref <> '842317653' and tenant_ref is not null");
        assertTrue(client.call(() -> proofs.inclusion(other)).isEmpty(), "another tenant's entry is not found for a client");
        assertTrue(support.call(() -> proofs.inclusion(other)).isPresent(), "staff prove any entry");

        append(Ids.siren(), "later");
        CheckpointView second = checkpoint();
        ConsistencyProofView consistency = proofs.consistency(first.seq(), second.seq());
        PublicKey key = JournalVerifier.readPublicKeyPem(integrity.publicKeyPem());
        String origin = second.note().split("\n")[0];
        MerkleLog.Checkpoint newest = MerkleLog.open(consistency.checkpoint(), origin, key);
        MerkleLog.verifyConsistency(first.seq(), newest.size(), JournalVerifier.unhex(first.headHash()), newest.root(),
                consistency.proof().stream().map(Base64.getDecoder()::decode).toList());
        LogSizeException tooFar = assertThrows(LogSizeException.class, () -> proofs.consistency(1, newest.size() + 1000));
        assertTrue(tooFar.signedSize() >= newest.size());
        assertTrue(proofs.checkpoint().orElseThrow().startsWith(origin + "\n"));
        assertTrue(proofs.verifierKey().startsWith(origin + "+"));
    }

    @Test
    void the_database_refuses_update_and_delete_on_the_journal() throws Exception {
        seededLog();
        if (!postgres()) {
            return; // H2 has no append-only guard (documented); verification still detects changes
        }
        List<String> rewrites = List.of("update journal_entry set reason = 'x' where id = (select min(id) from journal_entry)",
                "delete from journal_leaf where position = 0", "update journal_leaf set authentic = false where position = 0",
                "truncate journal_entry");
        // The owner meets the triggers.
        for (String statement : rewrites) {
            SQLException refused = assertThrows(SQLException.class, () -> {
                try (Connection c = ownerDataSource.getConnection(); Statement sql = c.createStatement()) {
                    sql.execute(statement);
                }
            }, statement);
            assertTrue(refused.getMessage().contains("append-only"), refused.getMessage());
        }
        // The application's role (the tests run as production does, with two roles) has no such right at all, and
        // cannot drop or disable the triggers either.
        List<String> application = new java.util.ArrayList<>(rewrites);
        application.addAll(List.of("drop trigger journal_entry_append_only on journal_entry",
                "alter table journal_leaf disable trigger user", "create table intruder (id int)"));
        for (String statement : application) {
            SQLException refused = assertThrows(SQLException.class, () -> {
                try (Connection c = dataSource.getConnection(); Statement sql = c.createStatement()) {
                    sql.execute(statement);
                }
            }, statement);
            assertEquals("42501", refused.getSQLState(), statement + ": " + refused.getMessage());
        }
        assertIntact();
    }

    @Test
    void an_edited_row_is_pinpointed() throws Exception {
        JournalEntryView edited = seededLog().get(2);
        tamper("update journal_entry set target = 'someone-else' where id = " + edited.id());
        try {
            Result result = verify();
            assertEquals(Problem.ENTRY_ALTERED, result.problem(), result::toString);
            assertEquals(edited.seq(), result.seq());
        } finally {
            tamper("update journal_entry set target = '" + edited.target() + "' where id = " + edited.id());
        }
        assertIntact();
    }

    @Test
    void a_deleted_row_is_pinpointed() throws Exception {
        JournalEntryView deleted = seededLog().get(1);
        tamper("create table journal_saved as select * from journal_entry where id = " + deleted.id(),
                "delete from journal_entry where id = " + deleted.id());
        try {
            Result result = verify();
            assertEquals(Problem.ENTRY_MISSING, result.problem(), result::toString);
            assertEquals(deleted.seq(), result.seq());
        } finally {
            tamper("insert into journal_entry select * from journal_saved", "drop table journal_saved");
        }
        assertIntact();
    }

    @Test
    void reordered_positions_are_pinpointed() throws Exception {
        List<JournalEntryView> log = seededLog();
        JournalEntryView a = log.get(1);
        JournalEntryView b = log.get(3);
        String[] swap = {"update journal_leaf set entry_id = -1 where entry_id = " + a.id(),
                "update journal_leaf set entry_id = " + a.id() + " where entry_id = " + b.id(),
                "update journal_leaf set entry_id = " + b.id() + " where entry_id = -1"};
        tamper(swap);
        try {
            Result result = verify();
            assertEquals(Problem.ENTRY_ALTERED, result.problem(), result::toString);
            assertEquals(a.seq(), result.seq());
        } finally {
            tamper(swap);
        }
        assertIntact();
    }

    @Test
    void a_row_inserted_around_the_application_is_sequenced_flagged_journaled_and_pinpointed() throws Exception {
        seededLog();
        tamper("insert into journal_entry (occurred_at, actor, actor_role, action, target, outcome, mac) values "
                + "(current_timestamp, 'admin.demo', 'admin', 'POLICY_CHANGED', 'nothing', 'SUCCESS', '" + "ab".repeat(32) + "')");
        long forged = queryLong("select max(id) from journal_entry where action = 'POLICY_CHANGED' and target = 'nothing'");
        try {
            checkpoint();
            long position = queryLong("select position from journal_leaf where entry_id = " + forged);
            assertEquals(0, queryLong("select count(*) from journal_leaf where authentic and entry_id = " + forged));
            assertEquals(1, queryLong("select count(*) from journal_entry where action = 'JOURNAL_ENTRY_NOT_AUTHENTIC' and target = 'entry "
                    + forged + "'"), "the sequencer journaled it");
            Result result = verify();
            assertEquals(Problem.ENTRY_NOT_AUTHENTIC, result.problem(), result::toString);
            assertEquals(position, result.seq());
        } finally {
            tamper("delete from journal_entry where id = " + forged,
                    "delete from journal_entry where action = 'JOURNAL_ENTRY_NOT_AUTHENTIC' and target = 'entry " + forged + "'");
            rebuildLog();
        }
        assertIntact();
    }

    /** The private key that signs checkpoints now: the newest recorded key, from the ring's folder or the initial file. */
    private PrivateKey signingKey() throws Exception {
        Path initial = Path.of(System.getProperty("gestan.journal.key", Path.of(System.getProperty("jboss.server.data.dir"), "gestan",
                "journal-signing-key.pem").toString()));
        Path rotated = KeyRing.of("journal-checkpoint", ".pem").file(queryString("select key_hash from journal_checkpoint_key "
                + "order by first_size desc, activated_at_us desc fetch first 1 rows only"));
        Path file = Files.exists(rotated) ? rotated : initial;
        String base64 = Files.readString(file, StandardCharsets.US_ASCII).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    /** Returns the id of the checkpoint inserted (the live signer may add others meanwhile: delete this one by id). */
    private long insertCheckpoint(long size, byte[] root, String note) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement("insert into journal_log_checkpoint "
                + "(tree_size, root_hash, created_at_us, note, pinned) values (?, ?, ?, ?, false)", new String[] {"id"})) {
            insert.setLong(1, size);
            insert.setString(2, JournalVerifier.hex(root));
            insert.setLong(3, System.currentTimeMillis() * 1000);
            insert.setString(4, note);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    @Test
    void forged_split_view_and_rolled_back_checkpoints_are_detected() throws Exception {
        seededLog();
        CheckpointView latest = checkpoint();
        String origin = latest.note().split("\n")[0];
        PublicKey key = JournalVerifier.readPublicKeyPem(integrity.publicKeyPem());

        var forger = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] root = JournalVerifier.unhex(latest.headHash());
        long forged = insertCheckpoint(latest.seq(), root, MerkleLog.sign(new MerkleLog.Checkpoint(origin, latest.seq(), root).body(), origin,
                forger.getPrivate(), forger.getPublic()));
        try {
            Result result = verify();
            assertEquals(Problem.CHECKPOINT_FORGED, result.problem(), result::toString);
            assertEquals(latest.seq(), result.seq());
        } finally {
            tamper("delete from journal_log_checkpoint where id = " + forged);
        }

        // With the real key (stolen): another root for the same size, then a smaller tree after a larger one.
        PrivateKey real = signingKey();
        byte[] other = MerkleLog.sha256("another history".getBytes(StandardCharsets.UTF_8));
        long split = insertCheckpoint(latest.seq(), other, MerkleLog.sign(new MerkleLog.Checkpoint(origin, latest.seq(), other).body(), origin, real, key));
        try {
            Result result = verify();
            assertEquals(Problem.CHECKPOINT_SPLIT_VIEW, result.problem(), result::toString);
        } finally {
            tamper("delete from journal_log_checkpoint where id = " + split);
        }
        long smaller = latest.seq() - 2;
        byte[] smallerRoot = JournalVerifier.unhex(queryString("select root_hash from journal_log_checkpoint where tree_size <= " + smaller
                + " order by tree_size desc fetch first 1 rows only"));
        long smallerSize = queryLong("select tree_size from journal_log_checkpoint where tree_size <= " + smaller
                + " order by tree_size desc fetch first 1 rows only");
        long rolledBack = insertCheckpoint(smallerSize, smallerRoot, MerkleLog.sign(new MerkleLog.Checkpoint(origin, smallerSize, smallerRoot).body(),
                origin, real, key));
        try {
            Result result = verify();
            assertEquals(Problem.CHECKPOINT_ROLLBACK, result.problem(), result::toString);
            assertEquals(smallerSize, result.seq());
        } finally {
            tamper("delete from journal_log_checkpoint where id = " + rolledBack);
        }
        assertIntact();
    }

    @Test
    void a_tenant_export_verifies_offline_with_the_public_key_alone() throws Exception {
        String tenant = Ids.siren();
        append(tenant, "erp-db");
        append(Ids.siren(), "someone-else");
        append(tenant, "erp-app");
        StringWriter out = new StringWriter();
        // Staff export any tenant; a client only its own (TenantsIT proves the refusal).
        support.call(() -> {
            integrity.exportTenant(tenant, out);
            return null;
        });
        String export = out.toString();
        assertTrue(export.startsWith(JournalVerifier.EXPORT_HEADER_V2 + "\n"), export);
        assertTrue(export.contains("erp-db") && export.contains("erp-app") && !export.contains("someone-else"), export);
        var key = JournalVerifier.readPublicKeyPem(integrity.publicKeyPem());
        Result result = JournalVerifier.Export.verify(new BufferedReader(new StringReader(export)), key);
        assertTrue(result.ok(), result::toString);
        assertEquals(2, result.entriesChecked());

        Result tampered = JournalVerifier.Export.verify(new BufferedReader(new StringReader(export.replace("erp-app", "erp-ap"))), key);
        assertEquals(Problem.ENTRY_ALTERED, tampered.problem());

        assertThrows(EJBAccessException.class, () -> client.call(() -> {
            integrity.exportAll(new StringWriter());
            return null;
        }));
        assertThrows(EJBAccessException.class, () -> client.call(() -> integrity.verify(new VerificationProgress())));
        CheckpointView latest = client.call(integrity::latestCheckpoint).orElseThrow();
        String signedNote = new String(Base64.getDecoder().decode(export.split("\n")[1].substring(2)), StandardCharsets.UTF_8);
        assertTrue(latest.seq() >= Long.parseLong(signedNote.split("\n")[1]), "the export's checkpoint is kept (pinned) and covered");
        assertEquals(1, queryLong("select count(*) from journal_log_checkpoint where pinned and note = '" + signedNote.replace("'", "''") + "'"));
    }

    /**
     * Key rotation (issue 18 item 4): the checkpoint key and the MAC key rotated by an admin (only), entries appended and
     * checkpoints signed before and after; each checkpoint names its key, the published key set lists both keys with
     * their periods, and the whole journal verifies (old and new checkpoints, old and new MACs), in the server and
     * offline with the key set; each rotation is journaled.
     */
    @Test
    void the_checkpoint_and_mac_keys_rotate_and_the_whole_journal_still_verifies() throws Exception {
        String tenant = Ids.siren();
        append(tenant, "before-rotation");
        CheckpointView before = checkpoint();
        StringWriter firstExport = new StringWriter();
        support.call(() -> {
            integrity.exportTenant(tenant, firstExport);
            return null;
        });
        String oldCheckpointKey = auditor.call(checkpointKeys::keys).stream().filter(KeyView::active).map(KeyView::id).findFirst().orElseThrow();
        String oldMacKey = auditor.call(macKeys::keys).stream().filter(KeyView::active).map(KeyView::id).findFirst().orElseThrow();
        assertEquals(oldCheckpointKey, before.keyId(), "a checkpoint names its key");
        for (var caller : List.of(support, auditor, client)) {
            assertThrows(EJBAccessException.class, () -> caller.call(checkpointKeys::rotate), "admin only");
            assertThrows(EJBAccessException.class, () -> caller.call(macKeys::rotate), "admin only");
        }

        KeyView checkpointKey = admin.call(checkpointKeys::rotate);
        KeyView macKey = admin.call(macKeys::rotate);
        assertTrue(checkpointKey.active() && macKey.active());
        assertFalse(checkpointKey.id().equals(oldCheckpointKey) || macKey.id().equals(oldMacKey));
        append(tenant, "after-rotation");
        assertEquals(macKey.id(), queryString("select mac_key from journal_entry where target = 'after-rotation' and tenant_ref = '" + tenant + "'"),
                "a new entry names the new MAC key");
        // Checkpoints signed by the server's own timer after the rotation carry the new key.
        long deadline = System.currentTimeMillis() + 120_000;
        CheckpointView after = checkpoint();
        while (!after.keyId().equals(checkpointKey.id()) && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
            after = checkpoint();
        }
        assertEquals(checkpointKey.id(), after.keyId(), "new checkpoints are signed with the new key");
        assertTrue(after.seq() > before.seq());

        // The published key set: both keys, the old one retired at the tree size the new one starts from.
        MerkleLog.KeySet keys = MerkleLog.KeySet.parse(integrity.keySet());
        MerkleLog.PublishedKey old = keys.keys().stream().filter(k -> k.id().equals(oldCheckpointKey)).findFirst().orElseThrow();
        MerkleLog.PublishedKey current = keys.keys().stream().filter(k -> k.id().equals(checkpointKey.id())).findFirst().orElseThrow();
        assertEquals(current.firstSize(), old.lastSize(), keys.text());
        assertEquals(-1, current.lastSize(), keys.text());
        assertEquals(integrity.keySet(), proofs.keySet());
        assertEquals(MerkleLog.verifierKey(current.name(), current.key()), proofs.verifierKey(), "the verifier key is the new one");
        assertEquals(current.key(), JournalVerifier.readPublicKeyPem(integrity.publicKeyPem()), "the public key URL serves the new key");
        assertEquals(after.seq(), keys.open(after.note()).size(), "the new checkpoint verifies with the key it names");
        assertEquals(before.seq(), keys.open(before.note()).size(), "the old checkpoint still verifies, with the old key");

        // The whole journal: every kept checkpoint (both keys) and every entry (both MAC keys).
        assertIntact();
        assertEquals(0, queryLong("select count(*) from journal_leaf l join journal_entry e on e.id = l.entry_id where not l.authentic "
                + "and e.tenant_ref = '" + tenant + "'"), "entries of both MAC keys are authentic");

        // Offline: the export after the rotation carries the previous export's checkpoint (old key) and its own (new key).
        StringWriter secondExport = new StringWriter();
        support.call(() -> {
            integrity.exportTenant(tenant, secondExport);
            return null;
        });
        Result offline = JournalVerifier.Export.verify(new BufferedReader(new StringReader(secondExport.toString())), keys);
        assertTrue(offline.ok(), offline::toString);
        assertTrue(offline.entriesChecked() >= 2, offline::toString);
        assertEquals(2, offline.checkpointsChecked(), "the previous export's checkpoint, signed by the old key, checked too");
        assertTrue(JournalVerifier.Export.verify(new BufferedReader(new StringReader(firstExport.toString())), keys).ok());
        Result oldKeyAlone = JournalVerifier.Export.verify(new BufferedReader(new StringReader(secondExport.toString())), old.key());
        assertEquals(Problem.CHECKPOINT_FORGED, oldKeyAlone.problem(), "the old key alone does not know the new checkpoints");

        // The retired key, stolen, signs a larger tree: refused (outside its period), in the server too.
        String origin = after.note().split("\n")[0];
        byte[] root = JournalVerifier.unhex(after.headHash());
        PrivateKey retired = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(
                Files.readString(initialOrRingFile(oldCheckpointKey), StandardCharsets.US_ASCII)
                        .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""))));
        long late = insertCheckpoint(after.seq(), root, MerkleLog.sign(new MerkleLog.Checkpoint(origin, after.seq(), root).body(), origin,
                retired, old.key()));
        try {
            Result result = verify();
            assertEquals(Problem.CHECKPOINT_FORGED, result.problem(), result::toString);
            assertTrue(result.detail().contains("outside its period"), result.detail());
        } finally {
            tamper("delete from journal_log_checkpoint where id = " + late);
        }
        assertIntact();

        for (KeyView rotated : List.of(checkpointKey, macKey)) {
            JournalEntryView entry = auditor.call(() -> journal.latest(200)).stream()
                    .filter(e -> "KEY_ROTATED".equals(e.action()) && e.target().endsWith(":" + rotated.id())).findFirst().orElseThrow();
            assertEquals("admin.it", entry.actor());
            assertTrue(entry.target().equals("journal-checkpoint:" + rotated.id()) || entry.target().equals("journal-mac:" + rotated.id()),
                    entry.target());
        }
        List<KeyView> listed = auditor.call(macKeys::keys);
        assertTrue(listed.stream().anyMatch(k -> k.id().equals(oldMacKey) && !k.active() && k.uses() >= 1), listed::toString);
        assertTrue(listed.stream().anyMatch(k -> k.id().equals(macKey.id()) && k.active() && k.uses() >= 1), listed::toString);
    }

    /** The private key file of checkpoint key {@code id}: in the ring's folder, else the initial single file. */
    private Path initialOrRingFile(String id) {
        Path ring = KeyRing.of("journal-checkpoint", ".pem").file(id);
        return Files.exists(ring) ? ring : Path.of(System.getProperty("gestan.journal.key", Path.of(System.getProperty("jboss.server.data.dir"),
                "gestan", "journal-signing-key.pem").toString()));
    }

    @Test
    void a_whole_log_export_is_rebuilt_and_checked_against_its_checkpoint() throws Exception {
        seededLog();
        StringWriter out = new StringWriter();
        auditor.call(() -> {
            integrity.exportAll(out);
            return null;
        });
        var key = JournalVerifier.readPublicKeyPem(integrity.publicKeyPem());
        Result result = JournalVerifier.Export.verify(new BufferedReader(new StringReader(out.toString())), key);
        assertTrue(result.ok(), result::toString);
        assertTrue(result.entriesChecked() >= 5);
        String[] lines = out.toString().split("\n");
        String dropped = String.join("\n", java.util.Arrays.copyOf(lines, lines.length - 1)) + "\n";
        assertFalse(JournalVerifier.Export.verify(new BufferedReader(new StringReader(dropped)), key).ok(), "a leaf missing at the end");
    }

    @Test
    void verification_in_the_background_reports_progress() throws Exception {
        seededLog();
        VerificationProgress progress = new VerificationProgress();
        Result result = admin.call(() -> integrity.verifyInBackground(progress)).get();
        assertTrue(result.ok(), result::toString);
        assertEquals(100, progress.percent());
        assertEquals(progress.total(), progress.checked());
        assertTrue(progress.checked() >= 5);
    }
}
