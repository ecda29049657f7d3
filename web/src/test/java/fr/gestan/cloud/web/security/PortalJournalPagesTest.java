package fr.gestan.cloud.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import fr.gestan.cloud.common.Roles;
import fr.gestan.cloud.security.api.InclusionProofView;
import fr.gestan.cloud.security.api.JournalEntryView;
import fr.gestan.cloud.security.api.JournalIntegrity;
import fr.gestan.cloud.security.api.JournalPage;
import fr.gestan.cloud.security.api.JournalProofs;
import fr.gestan.cloud.security.api.JournalQuery;
import fr.gestan.cloud.web.i18n.Formats;
import fr.gestan.cloud.web.i18n.Labels;
import fr.gestan.cloud.tenants.api.TenantState;
import fr.gestan.cloud.tenants.api.TenantView;
import fr.gestan.cloud.web.signin.CurrentUser;
import fr.gestan.cloud.web.signin.CurrentUserTest;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * The client journal's pages as plain GETs (docs/performance.md 4.35): the address's page number, read leniently, picks
 * one page of 25 read from the database with the count; a page past the end is the last one; the proof named in the
 * address is asked of the EJB, which decides whether the client may see it.
 */
class PortalJournalPagesTest {

    private static final String KEYS = "# gestan-journal-keys v1\nlog+0a0b0c0d+AAA= 0 9 - -\nlog+01020304+BBB= 10 * - -\n";
    private final List<String> reads = new ArrayList<>();
    private final List<Long> proofsAsked = new ArrayList<>();
    /** The tenants module's calls of the request's {@link CurrentUser}. */
    private final List<String> tenantsAsked = new ArrayList<>();
    private final CurrentUser user = CurrentUserTest.user(Set.of(Roles.CLIENT),
            Optional.of(new TenantView(7L, "Boulangerie Martin SARL", "842317653", TenantState.ACTIVE)), tenantsAsked);
    private final InclusionProofView proof = new InclusionProofView(7, 6, 60, "leaf", "hash", List.of(), "note");

    @SuppressWarnings("unchecked")
    private static <T> T fake(Class<T> type, Function<Object[], Object> answer, String method) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, m, args) -> {
            if (m.getName().equals(method)) {
                return answer.apply(args);
            }
            return switch (m.getName()) {
                case "latestCheckpoint" -> Optional.empty();
                // the key set only: the page takes the newest verifier key from it (verifierKey, a second read, would throw here)
                case "keySet" -> KEYS;
                default -> throw new UnsupportedOperationException(m.getName());
            };
        });
    }

    /** A bean over a company with {@code count} entries, ids count..1 newest first. */
    private PortalJournalBean bean(long count) {
        PortalJournalBean bean = new PortalJournalBean();
        bean.labels = new Labels() {
            @Override
            public String code(String family, Object code) {
                return family + ":" + code;
            }

            @Override
            public String action(String code) {
                return "action:" + code;
            }

            @Override
            public String data(String text) {
                return "data:" + text;
            }
        };
        bean.formats = new Formats() {
            @Override
            public String dateTime(Instant instant) {
                return "at:" + instant;
            }
        };
        bean.user = user;
        bean.integrity = fake(JournalIntegrity.class, a -> null, "none");
        bean.proofs = fake(JournalProofs.class, a -> {
            proofsAsked.add((Long) a[0]);
            return Optional.of(proof);
        }, "inclusion");
        bean.journal = fake(JournalQuery.class, a -> { // as JournalQueryBean.pageOfTenantWithin: past the end, the last page
            int asked = (Integer) a[1];
            int max = (Integer) a[2];
            reads.add(a[0] + " " + asked + " " + max);
            int first = asked < count ? asked : (int) (Math.max(0, count - 1) / max * max);
            List<JournalEntryView> rows = LongStream.rangeClosed(1, count).map(i -> count + 1 - i).skip(first).limit(max)
                    .mapToObj(id -> new JournalEntryView(id, id - 1, Instant.EPOCH, "a", "client", "842317653", "LOGIN", null, null, "OK", null, "h"))
                    .toList();
            return new JournalPage(rows, count, first);
        }, "pageOfTenantWithin");
        return bean;
    }

    @Test
    void the_page_and_the_portals_header_ask_for_the_callers_company_once() {
        PortalJournalBean bean = bean(3);
        bean.open(null, null);
        assertEquals("Boulangerie Martin SARL", user.getCompanyName(), "the header, written after the page's reads");
        assertEquals(List.of("myLinkedCompany"), tenantsAsked, "one call for the page's company and the header's");
        assertEquals(List.of("842317653 0 25"), reads, "the journal asked for the caller's company");
    }

    @Test
    void each_rows_cells_are_worked_out_once_in_the_users_words() {
        PortalJournalBean bean = bean(3);
        bean.open(null, null);
        PortalJournalBean.Row row = bean.getRows().get(0);
        assertEquals("at:" + Instant.EPOCH, row.when());
        assertEquals("a (Role:client)", row.actor());
        assertEquals("action:LOGIN", row.actionLabel());
        assertEquals("data:null", row.target());
        assertEquals("JournalEvent.Outcome:OK", row.outcomeLabel());
    }

    @Test
    void the_first_page_without_a_number_then_the_page_the_address_names() {
        PortalJournalBean first = bean(60);
        first.open(null, null);
        assertEquals(List.of("842317653 0 25"), reads, "one read: the page and the count");
        assertEquals(1, first.getPage());
        assertEquals(3, first.getPageCount());
        assertEquals(60, first.getTotal());
        assertEquals(60L, first.getRows().get(0).entry().id(), "newest first");
        assertEquals(25, first.getRows().size());
        assertNull(first.getProof());
        assertEquals(KEYS, first.getVerifierKeys());
        assertEquals("log+01020304+BBB=", first.getVerifierKey(), "the newest key of the set read once");

        reads.clear();
        PortalJournalBean third = bean(60);
        third.open("3", null);
        assertEquals(List.of("842317653 50 25"), reads);
        assertEquals(3, third.getPage());
        assertEquals(10, third.getRows().size());
        assertEquals(10L, third.getRows().get(0).entry().id());
    }

    @Test
    void a_page_past_the_end_is_the_last_one_and_a_number_that_is_none_the_first() {
        PortalJournalBean past = bean(60);
        past.open("9999999999999999999999", null);
        assertEquals(3, past.getPage());
        assertEquals(3, past.getPageCount());
        assertEquals(10, past.getRows().size());
        assertEquals(10L, past.getRows().get(0).entry().id());
        assertEquals(List.of("842317653 " + (PortalJournalBean.MAX_PAGE - 1) * 25 + " 25"), reads,
                "one read: the service answers the last page past the end (twice read before, and the count between)");
        reads.clear();
        PortalJournalBean fourth = bean(60);
        fourth.open("4", null);
        assertEquals(3, fourth.getPage());
        assertEquals(List.of("842317653 75 25"), reads);
        for (String none : new String[] {"", "abc", "0", "-2", "1e3", "2 "}) {
            PortalJournalBean bean = bean(60);
            bean.open(none, null);
            assertEquals(1, bean.getPage(), "'" + none + "'");
            assertEquals(25, bean.getRows().size());
        }
        reads.clear();
        PortalJournalBean empty = bean(0);
        empty.open("4", null);
        assertEquals(1, empty.getPage());
        assertEquals(1, empty.getPageCount());
        assertEquals(List.of(), empty.getRows());
        assertEquals(1, reads.size(), "one read for a company without entries too");
    }

    @Test
    void the_proof_named_by_the_address_is_asked_of_the_journal_service() {
        PortalJournalBean bean = bean(60);
        bean.open("2", "42");
        assertEquals(List.of(42L), proofsAsked, "the EJB checks that the entry is the client's company's");
        assertSame(proof, bean.getProof());
        assertEquals(2, bean.getPage());
        proofsAsked.clear();
        bean(60).open("2", "x42");
        assertEquals(List.of(), proofsAsked, "no number, no proof");
    }

    /** The ten texts of {@code PortalJournalBean.ROW_TEXTS}: each its key, one with a character to escape. */
    private static final List<String> TEXTS = PortalJournalBean.ROW_TEXTS.stream().map(k -> k[1]).toList();

    @Test
    void the_rows_are_written_with_the_cells_words_and_links_the_repeat_wrote_each_value_escaped() {
        JournalEntryView signed = new JournalEntryView(42, 7L, Instant.EPOCH, "a", "client", "842317653", "LOGIN", null, "10.0.0.1", "OK",
                "r<1>", "h");
        JournalEntryView pending = new JournalEntryView(43, null, Instant.EPOCH, "b", "client", "842317653", "LOGIN", "t", null, "OK", null, "h");
        List<PortalJournalBean.Row> rows = List.of(
                new PortalJournalBean.Row(signed, true, "1 janv. 1970", "a & co (Client)", "Connexion", "\"x\"", "Réussi"),
                new PortalJournalBean.Row(pending, false, "2 janv.", "b (Client)", "Connexion", "t", "Réussi"));
        String html = PortalJournalBean.rowsMarkup(rows, TEXTS.stream().map(t -> t.equals("journal.ip") ? "IP <v4>" : t).toList(),
                "inclus au point n° 3", "/ctx", 2);
        assertEquals("<tr><td data-label=\"portal.journal.position\">7<br/><span class=\"included\">inclus au point n° 3</span><br/>"
                + "<a id=\"e42-proof-link\" class=\"proof-link\" href=\"/ctx/portal/security/journal.xhtml?page=2&amp;proof=42#proof-panel\">"
                + "portal.journal.proof</a></td><td data-label=\"journal.when\">1 janv. 1970</td><td data-label=\"journal.actor\">a &amp; co (Client)</td>"
                + "<td data-label=\"journal.action\">Connexion</td><td data-label=\"journal.target\">&quot;x&quot;</td>"
                + "<td data-label=\"IP &lt;v4&gt;\">10.0.0.1</td><td data-label=\"journal.outcome\">Réussi</td>"
                + "<td data-label=\"journal.reason\">r&lt;1&gt;</td></tr>\n"
                + "<tr><td data-label=\"portal.journal.position\"><br/>portal.journal.pending<br/></td><td data-label=\"journal.when\">2 janv.</td>"
                + "<td data-label=\"journal.actor\">b (Client)</td><td data-label=\"journal.action\">Connexion</td><td data-label=\"journal.target\">t</td>"
                + "<td data-label=\"IP &lt;v4&gt;\"></td><td data-label=\"journal.outcome\">Réussi</td><td data-label=\"journal.reason\"></td></tr>\n", html);
        assertEquals("", PortalJournalBean.rowsMarkup(List.of(), TEXTS, null, "", 1));
    }

    @Test
    void the_page_writes_the_beans_rows_not_a_repeat_of_them() throws IOException {
        String page = Files.readString(Path.of("src/main/webapp/portal/security/journal.xhtml"));
        assertTrue(page.contains("<h:outputText value=\"#{portalJournalBean.rowsMarkup}\" escape=\"false\"/>"), page);
        assertFalse(page.contains("value=\"#{portalJournalBean.rows}\""), "a ui:repeat of the rows is back");
    }
}
