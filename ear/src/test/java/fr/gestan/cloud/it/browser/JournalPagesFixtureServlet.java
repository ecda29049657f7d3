package fr.gestan.cloud.it.browser;

import static fr.gestan.cloud.it.env.DemoTenants.CLIENT_SIREN;

import fr.gestan.cloud.common.journal.AccessJournal;
import fr.gestan.cloud.common.journal.JournalEvent;
import fr.gestan.cloud.it.support.AsAdmin;
import fr.gestan.cloud.security.api.JournalQuery;
import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import java.util.stream.IntStream;

/**
 * Test-only page of the journeys' EAR ({@link JourneyEar}), called by {@link AccessibilityJourneyIT}: {@code /it/journal-pages?pages=10} journals
 * entries of the demo company until its journal fills that many pages of 25 (the portal's and the back office's
 * journal pages: their paginators at ten pages failed axe-core's colour contrast once), and answers how many it has.
 */
@WebServlet("/it/journal-pages")
public class JournalPagesFixtureServlet extends FixtureServlet {

    private static final long serialVersionUID = 1L;
    static final int ROWS_PER_PAGE = 25;

    @EJB
    transient AsAdmin admin;
    @EJB
    transient AccessJournal journal;
    @EJB
    transient JournalQuery entries;

    @Override
    protected String answer(HttpServletRequest request) throws Exception {
        int pages = Integer.parseInt(request.getParameter("pages"));
        long count = admin.call(() -> {
            long missing = (long) (pages - 1) * ROWS_PER_PAGE + 1 - entries.countOfTenant(CLIENT_SIREN);
            if (missing > 0) {
                journal.recordAll(IntStream.range(0, (int) missing)
                        .mapToObj(i -> JournalEvent.success("TENANT_VIEWED", CLIENT_SIREN, "journal-pages-fixture " + i)).toList());
            }
            return entries.countOfTenant(CLIENT_SIREN);
        });
        return Long.toString(count);
    }
}
