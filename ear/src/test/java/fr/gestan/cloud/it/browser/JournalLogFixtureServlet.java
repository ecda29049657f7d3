package fr.gestan.cloud.it.browser;

import static fr.gestan.cloud.it.env.DemoTenants.CLIENT_SIREN;

import fr.gestan.cloud.common.journal.AccessJournal;
import fr.gestan.cloud.common.journal.JournalEvent;
import fr.gestan.cloud.it.support.AsAdmin;
import fr.gestan.cloud.it.support.JournalTamper;
import fr.gestan.cloud.security.api.JournalIntegrity;
import fr.gestan.cloud.security.api.JournalVerifier;
import fr.gestan.cloud.security.api.JournalVerifier.MerkleLog;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import javax.sql.DataSource;

/**
 * Test-only page of the journeys' EAR ({@link JourneyEar}), called by {@link JournalConsistencyJourneyIT} (PostgreSQL): {@code ?step=grow}
 * journals an entry of the demo company and signs a checkpoint (a consistent growth); {@code ?step=rewrite} rewrites
 * the log in SQL as the schema owner would (an entry of this fixture deleted, the positions, tiles and checkpoints
 * dropped and the log rebuilt from the remaining entries and signed again), then grows it.
 */
@WebServlet("/it/journal-log")
public class JournalLogFixtureServlet extends FixtureServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    transient AsAdmin admin;
    @EJB
    transient AccessJournal journal;
    @EJB
    transient JournalIntegrity integrity;
    @Resource(lookup = "java:jboss/datasources/GestanMigrationDS")
    transient DataSource owner;

    @Override
    protected String answer(HttpServletRequest request) throws Exception {
        if ("rewrite".equals(request.getParameter("step"))) {
            rewrite();
        }
        long size = admin.call(() -> {
            journal.recordIndependently(JournalEvent.success("SECRET_REVEALED", CLIENT_SIREN, "journal-journey-fixture"));
            return integrity.checkpointNow().orElseThrow().seq();
        });
        return Long.toString(size);
    }

    private void rewrite() throws Exception {
        JournalTamper.run(owner,
                "delete from journal_entry where id = (select min(id) from journal_entry where target = 'journal-journey-fixture')",
                "delete from journal_leaf", "delete from journal_tile", "delete from journal_log_checkpoint", "delete from journal_checkpoint_key",
                "update journal_log_state set tree_size = 0, root_hash = '" + JournalVerifier.hex(MerkleLog.EMPTY_ROOT)
                        + "', floor_id = legacy_max_id");
        admin.call(integrity::checkpointNow);
    }
}
