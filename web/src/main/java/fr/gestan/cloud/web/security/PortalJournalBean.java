package fr.gestan.cloud.web.security;

import static fr.gestan.cloud.common.MarkupText.escape;
import static fr.gestan.cloud.common.MarkupText.text;

import fr.gestan.cloud.security.api.CheckpointView;
import fr.gestan.cloud.security.api.JournalEntryView;
import fr.gestan.cloud.security.api.JournalPage;
import fr.gestan.cloud.web.layout.LinkPages;
import fr.gestan.cloud.security.api.InclusionProofView;
import fr.gestan.cloud.security.api.JournalIntegrity;
import fr.gestan.cloud.security.api.JournalProofs;
import fr.gestan.cloud.security.api.JournalQuery;
import fr.gestan.cloud.security.api.JournalVerifier;
import fr.gestan.cloud.web.i18n.Bundle;
import fr.gestan.cloud.web.i18n.Formats;
import fr.gestan.cloud.web.i18n.Labels;
import fr.gestan.cloud.web.i18n.Messages;
import fr.gestan.cloud.web.signin.CurrentUser;
import fr.gestan.cloud.tenants.api.TenantView;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The client's view of its company's journal entries (each with its log position, the checkpoint that includes it
 * and its inclusion proof one click away) and of the latest signed checkpoint; the page runs the published
 * consistency script ({@link #SCRIPT}, loaded with its SHA-256 as Subresource Integrity) against the checkpoint this
 * browser kept.
 *
 * <p>A page of plain GETs (docs/performance.md 4.35): the entries are a plain table of {@value #PAGE_SIZE} rows read
 * from the database with the company's count ({@code JournalQuery.pageOfTenantWithin}: past the end, the last page in
 * the same statement), the page's number is in the address
 * ({@code ?page=2}), and each entry's proof is a link ({@code ?page=2&proof=ID}) rather than an AJAX action: no form,
 * no view state, no PrimeFaces table (its rendering was 43 % of the page's cost, 4.31). The proof is the EJB's to give:
 * another company's entry is "not found" to the client ({@code JournalProofs.inclusion}). A GET of the page runs in one
 * transaction ({@code PortalViewTransaction}): the company, the newest checkpoint, the key set and the page share one
 * connection (docs/performance.md 4.47).
 */
@Named
@RequestScoped
public class PortalJournalBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    JournalQuery journal;
    @EJB
    JournalIntegrity integrity;
    /** The caller's company as the request reads it once, for the portal's header too. */
    @Inject
    CurrentUser user;
    @EJB
    JournalProofs proofs;
    @Inject
    @Bundle("smsg")
    Messages messages;
    @Inject
    Labels labels;
    @Inject
    Formats formats;

    /** The published consistency script (versioned: a change is a new file), under the web application's root. */
    public static final String SCRIPT = "/journal/journal-consistency-v3.js";
    private static volatile byte[] scriptSha256;

    /** Rows per page. */
    public static final int PAGE_SIZE = 25;
    /** The highest page number read from an address (a larger one is the last page). */
    static final int MAX_PAGE = Integer.MAX_VALUE / PAGE_SIZE;

    private String tenant;
    private CheckpointView latestCheckpoint;
    private String verifierKey;
    private String verifierKeys;
    private InclusionProofView proof;
    private List<Row> rows = List.of();
    private long total;
    private int page = 1;
    private int pageCount = 1;
    private String includedText;
    private String rowsMarkup;

    /**
     * One entry of the table with what its cells say, worked out once per view in Java (its date, its actor with the
     * actor's role, its action, target and outcome in the user's language): each of these was an EL call of the
     * {@code fmt} or {@code label} bean in every row, about a fifth of the page's cost (docs/performance.md 4.52).
     */
    public record Row(JournalEntryView entry, boolean included, String when, String actor, String actionLabel, String target,
                      String outcomeLabel) {
    }

    /** The view's reads ({@code f:viewAction}, before the page is written, so that its messages show). */
    public void open() {
        Map<String, String> parameters = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
        open(parameters.get("page"), parameters.get("proof"));
    }

    /** The view's reads for the address's {@code page} (1 when absent or not a number) and {@code proof} (an entry id, or none). */
    void open(String pageParameter, String proofParameter) {
        // the caller's company without an exception: the view runs in one transaction (PortalViewTransaction), which
        // TenantService.myCompany's refusal of a client linked to no company would mark for rollback before the reads below;
        // the header's (CurrentUser), not a call of its own (docs/performance.md, "client dashboard and journal page").
        // The journal's confinement still checks the SIREN asked for.
        TenantView company = user.getCompany();
        tenant = company == null ? null : company.siren();
        if (tenant == null) {
            messages.error("portal.journal.noCompany");
        }
        latestCheckpoint = integrity.latestCheckpoint().orElse(null);
        verifierKeys = proofs.keySet();
        verifierKey = JournalVerifier.MerkleLog.KeySet.newestVerifierKey(verifierKeys); // the set read once (it was read twice)
        if (latestCheckpoint != null) {
            includedText = messages.text("portal.journal.included", latestCheckpoint.number(), latestCheckpoint.seq());
        }
        if (tenant != null) {
            // past the end (an old address, entries fewer since): the last page, in the same one read
            JournalPage read = journal.pageOfTenantWithin(tenant, (number(pageParameter, 1, MAX_PAGE) - 1) * PAGE_SIZE, PAGE_SIZE);
            total = read.total();
            rows = read.rows().stream().map(this::row).toList();
            page = read.first() / PAGE_SIZE + 1;
            pageCount = (int) Math.max(1, Math.min(MAX_PAGE, (total + PAGE_SIZE - 1) / PAGE_SIZE));
        }
        long entry = number(proofParameter, 0, Long.MAX_VALUE);
        if (entry > 0) {
            showProof(entry);
        }
    }

    /** An entry's row, as the table's cells show it. */
    private Row row(JournalEntryView e) {
        return new Row(e, included(e.seq()), formats.dateTime(e.occurredAt()),
                e.actor() + " (" + labels.code("Role", e.actorRole()) + ")", labels.action(e.action()), labels.data(e.target()),
                labels.code("JournalEvent.Outcome", e.outcome()));
    }

    /**
     * The bundle texts the rows print ({@code {bundle, key}}), in {@link #rowsMarkup}'s order: each cell's column name
     * (for phones), then the proof link's and the pending entry's words.
     */
    static final List<String[]> ROW_TEXTS = List.of(new String[] {"smsg", "portal.journal.position"}, new String[] {"msg", "journal.when"},
            new String[] {"msg", "journal.actor"}, new String[] {"msg", "journal.action"}, new String[] {"msg", "journal.target"},
            new String[] {"smsg", "journal.ip"}, new String[] {"msg", "journal.outcome"}, new String[] {"smsg", "journal.reason"},
            new String[] {"smsg", "portal.journal.proof"}, new String[] {"smsg", "portal.journal.pending"});

    /**
     * The table's rows, written here as its {@code ui:repeat} wrote them (the same cells, words, ids and links), each
     * value escaped: the repeat evaluated about twenty EL expressions and two components per row, 25 rows a view
     * (docs/performance.md, 4.73). {@code texts}: {@link #ROW_TEXTS}' texts; {@code included}: what the first cell says
     * of an entry the newest checkpoint includes; {@code page}: this page's number, for the proof links.
     */
    static String rowsMarkup(List<Row> rows, List<String> texts, String included, String contextPath, int page) {
        List<String> cells = texts.subList(0, 8).stream().map(t -> "<td data-label=\"" + escape(t) + "\">").toList();
        String proofWord = escape(texts.get(8));
        String pending = escape(texts.get(9));
        String proofHref = escape(contextPath) + "/portal/security/journal.xhtml?page=" + page + "&amp;proof=";
        StringBuilder html = new StringBuilder(rows.size() * 700);
        for (Row r : rows) {
            JournalEntryView e = r.entry();
            html.append("<tr>").append(cells.get(0)).append(text(e.seq())).append("<br/>");
            if (r.included()) {
                html.append("<span class=\"included\">").append(text(included)).append("</span><br/><a id=\"e").append(e.id())
                        .append("-proof-link\" class=\"proof-link\" href=\"").append(proofHref).append(e.id()).append("#proof-panel\">")
                        .append(proofWord).append("</a>");
            } else {
                html.append(pending).append("<br/>");
            }
            html.append("</td>").append(cells.get(1)).append(text(r.when())).append("</td>")
                    .append(cells.get(2)).append(text(r.actor())).append("</td>")
                    .append(cells.get(3)).append(text(r.actionLabel())).append("</td>")
                    .append(cells.get(4)).append(text(r.target())).append("</td>")
                    .append(cells.get(5)).append(text(e.sourceIp())).append("</td>")
                    .append(cells.get(6)).append(text(r.outcomeLabel())).append("</td>")
                    .append(cells.get(7)).append(text(e.reason())).append("</td></tr>\n");
        }
        return html.toString();
    }

    /** The address's number, or {@code absent} when it is missing or not a positive number; at most {@code max}. */
    static int number(String parameter, int absent, int max) {
        return LinkPages.number(parameter, absent, max);
    }

    static long number(String parameter, long absent, long max) {
        return LinkPages.number(parameter, absent, max);
    }

    /** Shows the inclusion proof of one of the company's entries in the newest checkpoint. */
    public void showProof(long entryId) {
        proof = proofs.inclusion(entryId).orElse(null);
        if (proof == null) {
            messages.warn("portal.journal.proof.none");
        }
    }

    public InclusionProofView getProof() {
        return proof;
    }

    /** Whether the newest checkpoint covers this log position. */
    public boolean included(Long position) {
        return position != null && latestCheckpoint != null && position < latestCheckpoint.seq();
    }

    public String getVerifierKey() {
        return verifierKey;
    }

    /** The published checkpoint key set (every key with its period), which the consistency script checks against. */
    public String getVerifierKeys() {
        return verifierKeys;
    }

    public String getScriptPath() {
        return SCRIPT;
    }

    public String getScriptSha256() {
        return HexFormat.of().formatHex(scriptSha256());
    }

    /** The script's Subresource Integrity value: the browser refuses to run any other bytes. */
    public String getScriptIntegrity() {
        return "sha256-" + Base64.getEncoder().encodeToString(scriptSha256());
    }

    private static byte[] scriptSha256() {
        byte[] hash = scriptSha256;
        if (hash == null) {
            InputStream script = jakarta.faces.context.FacesContext.getCurrentInstance().getExternalContext().getResourceAsStream(SCRIPT);
            if (script == null) {
                throw new IllegalStateException("the journal consistency script " + SCRIPT + " is missing");
            }
            try (InputStream in = script) {
                hash = MessageDigest.getInstance("SHA-256").digest(in.readAllBytes());
            } catch (IOException | NoSuchAlgorithmException e) {
                throw new IllegalStateException("the journal consistency script " + SCRIPT + " cannot be read", e);
            }
            scriptSha256 = hash;
        }
        return hash.clone();
    }

    public boolean isAvailable() {
        return tenant != null;
    }

    public CheckpointView getLatestCheckpoint() {
        return latestCheckpoint;
    }

    /** This page's entries as the table's rows ({@link #rowsMarkup}), escaped: written as they are; once per view. */
    public String getRowsMarkup() {
        if (rowsMarkup == null) {
            rowsMarkup = rowsMarkup(rows, ROW_TEXTS.stream().map(k -> Messages.label(k[0], k[1])).toList(), includedText,
                    FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath(), page);
        }
        return rowsMarkup;
    }

    /** This page's entries, newest first. */
    public List<Row> getRows() {
        return rows;
    }

    /** How many entries the company has. */
    public long getTotal() {
        return total;
    }

    /** This page's number, from 1. */
    public int getPage() {
        return page;
    }

    public int getPageCount() {
        return pageCount;
    }

    /** "(2 sur 7)": the pages' report, in the words PrimeFaces' paginators use ({@code msg['paginator.report']}). */
    public String getPageReport() {
        return LinkPages.report(page, pageCount);
    }

    /** What the first cell says of an entry the newest checkpoint includes (the same for every such entry of the view). */
    public String getIncludedText() {
        return includedText;
    }

}
