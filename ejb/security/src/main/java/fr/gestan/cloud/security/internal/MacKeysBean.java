package fr.gestan.cloud.security.internal;

import fr.gestan.cloud.common.journal.JournaledService;
import fr.gestan.cloud.common.Roles;
import fr.gestan.cloud.common.journal.JournalEvent;
import fr.gestan.cloud.common.keys.KeyRing;
import fr.gestan.cloud.common.keys.KeyView;
import fr.gestan.cloud.common.keys.RotatableKeys;
import fr.gestan.cloud.common.persistence.SchemaMigrations;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The journal entries' MAC key ring ({@value JournalMacKey#PURPOSE}): listed to admins and auditors, rotated by an
 * admin only. After a rotation new entries are MAC'd with the new key and name it ({@code journal_entry.mac_key});
 * the entries written before keep their MAC and are checked with the key they name, so the old keys stay in the ring.
 * Nothing is re-computed: journal entries are never updated. Journaled ({@code KEY_ROTATED}).
 */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class MacKeysBean extends JournaledService implements RotatableKeys {

    static final String ALGORITHM = "HMAC-SHA256";

    @Resource(lookup = SchemaMigrations.DATASOURCE)
    DataSource dataSource;

    @Override
    @RolesAllowed({Roles.ADMIN, Roles.AUDITOR})
    public String purpose() {
        return JournalMacKey.PURPOSE;
    }

    /** The ring's keys, the initial one first; {@code uses}: the entries whose MAC each made. */
    @Override
    @RolesAllowed({Roles.ADMIN, Roles.AUDITOR})
    public List<KeyView> keys() {
        JournalMacKey ring = JournalMacKey.current();
        Map<String, Long> uses = new HashMap<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select mac_key, count(*) from journal_entry where mac is not null group by mac_key")) {
            while (rs.next()) {
                // Entries written before MAC keys had ids were made by the initial key.
                String id = rs.getString(1) == null ? ring.initialId() : rs.getString(1);
                uses.merge(String.valueOf(id), rs.getLong(2), Long::sum);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count the journal entries by MAC key", e);
        }
        return ring.members().stream().map(m -> new KeyView(JournalMacKey.PURPOSE, m.id(), ALGORITHM,
                m.file() == null ? null : KeyRing.createdAt(m.file()), m.id().equals(ring.activeId()), uses.getOrDefault(m.id(), 0L),
                m.file() == null ? null : m.file().toString())).toList();
    }

    @Override
    public KeyView rotate() {
        String previous = JournalMacKey.current().activeId();
        JournalMacKey.Member key = JournalMacKey.rotate(JournalMacKey.ring());
        journal.record(new JournalEvent("KEY_ROTATED", null, JournalMacKey.PURPOSE + ":" + key.id(), JournalEvent.Outcome.SUCCESS,
                "replaces " + previous + "; entries written before keep their MAC and name their key"));
        return new KeyView(JournalMacKey.PURPOSE, key.id(), ALGORITHM, Instant.now(), true, 0, String.valueOf(key.file()));
    }
}
