package fr.gestan.cloud.it.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.gestan.cloud.common.journal.AccessJournal;
import fr.gestan.cloud.common.journal.JournalEvent;
import fr.gestan.cloud.it.support.Deployments;
import fr.gestan.cloud.it.support.Ids;
import fr.gestan.cloud.it.support.WithRoleCallers;
import fr.gestan.cloud.security.api.CheckpointView;
import fr.gestan.cloud.security.api.JournalEntryView;
import fr.gestan.cloud.security.api.JournalIntegrity;
import fr.gestan.cloud.security.api.JournalQuery;
import fr.gestan.cloud.security.api.JournalVerifier;
import fr.gestan.cloud.security.api.JournalVerifier.Problem;
import fr.gestan.cloud.security.api.JournalVerifier.Result;
import fr.gestan.cloud.security.api.VerificationProgress;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import java.io.BufferedReader;
import java.io.StringReader;
import java.io.StringWriter;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
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
 * The hash-chained journal on the real database (PostgreSQL in the suite): appends in the action's transaction,
 * concurrent writers, the append-only trigger, and each kind of tampering detected and pinpointed by verification.
 * Each tampering is repaired before the test ends, so the chain stays valid for the other tests.
 */
@ExtendWith(ArquillianExtension.class)
class JournalIT extends WithRoleCallers {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.modules(JournalIT.class);
    }

    @EJB
    AccessJournal writer;
    @EJB
    JournalQuery journal;
    @EJB
    JournalIntegrity integrity;

    @Resource(lookup = "java:jboss/datasources/GestanDS")
    DataSource dataSource;

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

    private boolean postgres() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        }
    }

    /** Runs SQL as a database owner who switched the append-only trigger off, as an attacker with those rights would. */
    private void tamper(String... statements) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement sql = c.createStatement()) {
            boolean pg = c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
            if (pg) {
                sql.execute("alter table journal_entry disable trigger user");
                sql.execute("alter table journal_checkpoint disable trigger user");
            }
            try {
                for (String statement : statements) {
                    sql.execute(statement);
                }
            } finally {
                if (pg) {
                    sql.execute("alter table journal_entry enable trigger user");
                    sql.execute("alter table journal_checkpoint enable trigger user");
                }
            }
        }
    }

    private long headSeq() throws SQLException {
        return queryLong("select seq from journal_head where id = 1");
    }

    private long queryLong(String query) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement sql = c.createStatement(); ResultSet rs = sql.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private long seededChain() throws Exception {
        String tenant = Ids.siren();
        for (int i = 0; i < 5; i++) {
            append(tenant, "db-admin-" + i);
        }
        admin.call(integrity::checkpointNow);
        assertIntact();
        return headSeq();
    }

    @Test
    void entries_are_chained_in_the_actions_transaction_and_a_rollback_leaves_no_entry() throws Exception {
        String tenant = Ids.siren();
        long before = headSeq();
        append(tenant, "backup-operator");
        assertEquals(before + 1, headSeq());

        assertThrows(EJBException.class, () -> support.call(() -> {
            writer.record(JournalEvent.success("SECRET_REVEALED", tenant, "rolled-back"));
            throw new IllegalStateException("the action fails after journaling");
        }));
        assertEquals(before + 1, headSeq(), "a rolled-back action leaves neither an entry nor a moved head");

        assertThrows(EJBException.class, () -> support.call(() -> {
            writer.recordIndependently(JournalEvent.refused("SECRET_REVEAL_REFUSED", tenant, "no-agreement", "no agreement"));
            throw new IllegalStateException("refused");
        }));
        List<JournalEntryView> mine = auditor.call(() -> journal.ofTenant(tenant, 0, 10));
        assertEquals(List.of("SECRET_REVEAL_REFUSED", "SECRET_REVEALED"), mine.stream().map(JournalEntryView::action).toList());
        assertEquals("REFUSED", mine.get(0).outcome());
        assertEquals(before + 2, mine.get(0).seq());
        assertEquals(64, mine.get(0).entryHash().length());
        assertIntact();
    }

    @Test
    void concurrent_writers_keep_one_valid_chain() throws Exception {
        long before = headSeq();
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
        assertEquals(before + 120, headSeq());
        assertEquals(120, auditor.call(() -> journal.countOfTenant(tenant)));
        admin.call(integrity::checkpointNow);
        assertIntact();
    }

    @Test
    void the_database_refuses_update_and_delete_on_the_journal() throws Exception {
        seededChain();
        if (!postgres()) {
            return; // H2 has no append-only guard (documented); verification still detects changes
        }
        for (String statement : List.of("update journal_entry set reason = 'x' where seq = 1",
                "delete from journal_entry where seq = 1", "delete from journal_checkpoint", "truncate journal_entry")) {
            SQLException refused = assertThrows(SQLException.class, () -> {
                try (Connection c = dataSource.getConnection(); Statement sql = c.createStatement()) {
                    sql.execute(statement);
                }
            }, statement);
            assertTrue(refused.getMessage().contains("append-only"), refused.getMessage());
        }
        assertIntact();
    }

    @Test
    void an_edited_row_is_pinpointed() throws Exception {
        long seq = seededChain() - 2;
        String reason;
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("select target from journal_entry where seq = ?")) {
            q.setLong(1, seq);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                reason = rs.getString(1);
            }
        }
        tamper("update journal_entry set target = 'someone-else' where seq = " + seq);
        try {
            Result result = verify();
            assertEquals(Problem.ENTRY_ALTERED, result.problem(), result::toString);
            assertEquals(seq, result.seq());
        } finally {
            tamper("update journal_entry set target = '" + reason + "' where seq = " + seq);
        }
        assertIntact();
    }

    @Test
    void a_deleted_row_is_pinpointed() throws Exception {
        long seq = seededChain() - 3;
        long id = queryLong("select id from journal_entry where seq = " + seq);
        tamper("create table journal_saved as select * from journal_entry where seq = " + seq,
                "delete from journal_entry where seq = " + seq);
        try {
            Result result = verify();
            assertEquals(Problem.ENTRY_MISSING, result.problem(), result::toString);
            assertEquals(seq, result.seq());
        } finally {
            tamper("insert into journal_entry select * from journal_saved", "drop table journal_saved");
        }
        assertEquals(id, queryLong("select id from journal_entry where seq = " + seq));
        assertIntact();
    }

    @Test
    void an_inserted_row_is_pinpointed() throws Exception {
        long head = seededChain();
        // The forger knows the algorithm and chains the row correctly after the head, but cannot move the head
        // (which the application writes in the same transaction as its entries) without also forging checkpoints.
        byte[] headHash = JournalVerifier.unhex(queryString("select head_hash from journal_head where id = 1"));
        long micros = System.currentTimeMillis() * 1000;
        byte[] hash = JournalVerifier.link(headHash, JournalVerifier.entryContent(head + 1, micros, "admin.demo", "admin",
                null, "POLICY_CHANGED", "nothing", null, "SUCCESS", null));
        tamper("insert into journal_entry (occurred_at, actor, actor_role, action, target, outcome, seq, entry_hash) values ("
                + "current_timestamp, 'admin.demo', 'admin', 'POLICY_CHANGED', 'nothing', 'SUCCESS', " + (head + 1) + ", '"
                + JournalVerifier.hex(hash) + "')");
        try {
            Result result = verify();
            assertFalse(result.ok());
            assertEquals(head + 1, result.seq(), result::toString);
            assertTrue(result.problem() == Problem.ENTRY_OUTSIDE_CHAIN || result.problem() == Problem.ENTRY_ALTERED, result::toString);
        } finally {
            tamper("delete from journal_entry where seq = " + (head + 1));
        }
        assertIntact();

        // A row inserted without a chain position.
        tamper("insert into journal_entry (occurred_at, actor, actor_role, action, outcome) values "
                + "(current_timestamp, 'admin.demo', 'admin', 'EXPORT', 'SUCCESS')");
        try {
            Result result = verify();
            assertEquals(Problem.ENTRY_OUTSIDE_CHAIN, result.problem(), result::toString);
        } finally {
            tamper("delete from journal_entry where seq is null and id > (select legacy_max_id from journal_head)");
        }
        assertIntact();
    }

    private String queryString(String query) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement sql = c.createStatement(); ResultSet rs = sql.executeQuery(query)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void a_forged_checkpoint_is_detected() throws Exception {
        long head = seededChain();
        String last = "(select max(id) from journal_checkpoint)";
        long number = queryLong("select number from journal_checkpoint where id = " + last);
        String keyId = queryString("select key_id from journal_checkpoint where id = " + last);
        // Signed with another key, under the real key's identifier.
        var forger = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        var payload = new JournalVerifier.Checkpoint(number + 1, head, new byte[32], 1, new byte[32], keyId, new byte[0]).payload();
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(forger.getPrivate());
        signer.update(payload);
        String signature = Base64.getEncoder().encodeToString(signer.sign());
        tamper("insert into journal_checkpoint (number, seq, head_hash, created_at_us, previous_digest, key_id, signature) values ("
                + (number + 1) + ", " + head + ", '" + "00".repeat(32) + "', 1, '" + "00".repeat(32) + "', '" + keyId + "', '"
                + signature + "')");
        try {
            Result result = verify();
            assertEquals(Problem.CHECKPOINT_FORGED, result.problem(), result::toString);
            assertEquals(head, result.seq());
        } finally {
            tamper("delete from journal_checkpoint where number = " + (number + 1));
        }
        assertIntact();
    }

    @Test
    void a_replayed_checkpoint_is_detected() throws Exception {
        seededChain();
        long first = queryLong("select min(id) from journal_checkpoint");
        long replayed = queryLong("select max(id) from journal_checkpoint") + 1;
        tamper("insert into journal_checkpoint (id, number, seq, head_hash, created_at_us, previous_digest, key_id, signature) "
                + "select " + replayed + ", number, seq, head_hash, created_at_us, previous_digest, key_id, signature "
                + "from journal_checkpoint where id = " + first);
        try {
            Result result = verify();
            assertEquals(Problem.CHECKPOINT_REPLAYED, result.problem(), result::toString);
            assertEquals(queryLong("select seq from journal_checkpoint where id = " + first), result.seq());
        } finally {
            tamper("delete from journal_checkpoint where id = " + replayed);
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
        assertTrue(export.contains("erp-db") && export.contains("erp-app") && !export.contains("someone-else"), export);
        var key = JournalVerifier.readPublicKeyPem(integrity.publicKeyPem());
        Result result = JournalVerifier.Export.verify(new BufferedReader(new StringReader(export)), key);
        assertTrue(result.ok(), result::toString);

        Result tampered = JournalVerifier.Export.verify(new BufferedReader(new StringReader(export.replace("erp-app", "erp-ap"))), key);
        assertEquals(Problem.ENTRY_ALTERED, tampered.problem());

        assertThrows(EJBAccessException.class, () -> client.call(() -> {
            integrity.exportAll(new StringWriter());
            return null;
        }));
        assertThrows(EJBAccessException.class, () -> client.call(() -> integrity.verify(new VerificationProgress())));
        CheckpointView latest = client.call(integrity::latestCheckpoint).orElseThrow();
        // The export signed the head first, then journaled itself (one more entry).
        assertEquals(headSeq() - 1, latest.seq());
    }

    @Test
    void verification_in_the_background_reports_progress() throws Exception {
        seededChain();
        VerificationProgress progress = new VerificationProgress();
        Result result = admin.call(() -> integrity.verifyInBackground(progress)).get();
        assertTrue(result.ok(), result::toString);
        assertEquals(100, progress.percent());
        assertEquals(progress.total(), progress.checked());
        assertTrue(progress.checked() >= 5);
    }
}
