package fr.gestan.cloud.security.internal;

import fr.gestan.cloud.common.journal.JournaledService;
import fr.gestan.cloud.common.Roles;
import fr.gestan.cloud.common.journal.JournalEvent;
import fr.gestan.cloud.common.keys.KeyView;
import fr.gestan.cloud.common.keys.RotatableKeys;
import fr.gestan.cloud.common.persistence.SchemaMigrations;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The journal checkpoint key ring ({@value JournalKeys#PURPOSE}): listed to admins and auditors, rotated by an admin
 * only. A rotation adds a new Ed25519 key to the ring and records it in {@code journal_checkpoint_key} from the log's
 * current tree size: new checkpoints are signed with it, the checkpoints signed before keep their signature and verify
 * with the old key, which the published key set ({@code /journal/keys}) lists with the tree sizes it signed.
 * Journaled ({@code KEY_ROTATED}).
 */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class CheckpointKeysBean extends JournaledService implements RotatableKeys {

    @Resource(lookup = SchemaMigrations.DATASOURCE)
    DataSource dataSource;

    @Override
    @RolesAllowed({Roles.ADMIN, Roles.AUDITOR})
    public String purpose() {
        return JournalKeys.PURPOSE;
    }

    /** The recorded keys, oldest first, the signing one active; {@code uses}: the kept checkpoints of its tree sizes. */
    @Override
    @RolesAllowed({Roles.ADMIN, Roles.AUDITOR})
    public List<KeyView> keys() {
        JournalKeys ring = JournalKeys.current();
        try (Connection c = dataSource.getConnection()) {
            List<CheckpointKeys.Row> rows = CheckpointKeys.all(c);
            List<KeyView> keys = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                CheckpointKeys.Row row = rows.get(i);
                Long until = i + 1 < rows.size() ? rows.get(i + 1).firstSize() : null;
                JournalKeys.Member member = ring.member(row.id());
                keys.add(new KeyView(JournalKeys.PURPOSE, row.id(), "Ed25519 (signed note)",
                        Instant.EPOCH.plus(row.activatedAtUs(), ChronoUnit.MICROS), until == null, checkpoints(c, row.firstSize(), until),
                        member == null ? null : member.file().toString()));
            }
            return keys;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the journal checkpoint keys", e);
        }
    }

    private static long checkpoints(Connection c, long from, Long until) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("select count(*) from journal_log_checkpoint where tree_size >= ? and tree_size < ?")) {
            q.setLong(1, from);
            q.setLong(2, until == null ? Long.MAX_VALUE : until);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Override
    public KeyView rotate() {
        String previous;
        long from;
        JournalKeys.Member key = JournalKeys.rotate(JournalKeys.ring());
        try (Connection c = dataSource.getConnection()) {
            previous = CheckpointKeys.signingId(c);
            from = CheckpointKeys.rotate(c, key, System.currentTimeMillis() * 1000);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record the new journal checkpoint key " + key.id(), e);
        }
        journal.record(new JournalEvent("KEY_ROTATED", null, JournalKeys.PURPOSE + ":" + key.id(), JournalEvent.Outcome.SUCCESS,
                "replaces " + previous + " from tree size " + from + "; checkpoints signed before verify with the old key (/journal/keys)"));
        return new KeyView(JournalKeys.PURPOSE, key.id(), "Ed25519 (signed note)", Instant.now(), true, 0, key.file().toString());
    }
}
