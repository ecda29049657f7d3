package fr.gestan.cloud.web.compliance;

import fr.gestan.cloud.common.MarkupText;
import fr.gestan.cloud.compliance.api.ComplianceEvaluation;
import fr.gestan.cloud.compliance.api.ComplianceReport;
import fr.gestan.cloud.compliance.api.RuleFinding;
import fr.gestan.cloud.compliance.api.RuleOutcome;
import fr.gestan.cloud.tenants.api.TenantNotFoundException;
import fr.gestan.cloud.web.i18n.Formats;
import fr.gestan.cloud.web.layout.TileMarkup;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.function.IntFunction;

/** The client dashboard's compliance tile: its overall status, loaded only when the tile is rendered. */
@Named
@RequestScoped
public class ComplianceTileBean {

    @EJB
    ComplianceEvaluation compliance;
    @Inject
    Formats fmt;

    private ComplianceReport mine;
    private boolean loaded;

    public ComplianceReport getMine() {
        if (!loaded) {
            loaded = true;
            try {
                mine = compliance.mine();
            } catch (TenantNotFoundException e) {
                mine = null;
            }
        }
        return mine;
    }

    /** How our own commitments stand, the client's to-dos aside: PASS, EVIDENCE_MISSING (ours, late) or FAIL. */
    public String getOurOutcome() {
        ComplianceReport r = getMine();
        return r == null ? RuleOutcome.PASS.name()
                : r.rules().stream().map(x -> x.ourOutcome()).reduce(RuleOutcome.PASS, RuleOutcome::worst).name();
    }

    /**
     * The tile's tone follows what the client can act on: its to-dos (warning); our failure is an alert; our late
     * evidence is ours to bring, nothing the client must do, so it does not colour its dashboard.
     */
    public String getTone() {
        ComplianceReport r = getMine();
        if (r == null) {
            return "normal";
        }
        if (RuleOutcome.FAIL.name().equals(getOurOutcome())) {
            return "alert";
        }
        if (!r.clientToDos().isEmpty()) {
            return "warning";
        }
        return RuleOutcome.PASS.name().equals(getOurOutcome()) ? "ok" : "normal";
    }

    /**
     * The tile, written whole ({@link TileMarkup}): the client's to-dos (their count, then each), how our commitments
     * stand, the link to the rules; the link alone when the evaluation could not be made (no company).
     */
    public String getTile() {
        ComplianceReport r = getMine();
        return tile(r == null ? null : r.clientToDos(), getOurOutcome(), getTone(), TileMarkup.BUNDLES,
                n -> fmt.plural(TileMarkup.BUNDLES.of("cmsg", "client.tile.todos"), n), TileMarkup.contextPath());
    }

    /** {@code toDos} null: no evaluation. {@code count}: the to-dos' count in words. */
    static String tile(List<RuleFinding> toDos, String ourOutcome, String tone, TileMarkup.Texts text, IntFunction<String> count,
                       String contextPath) {
        StringBuilder body = new StringBuilder(600);
        if (toDos != null) {
            body.append("<p class=\"figure\" id=\"compliance-todos\">").append(MarkupText.text(count.apply(toDos.size())))
                    .append("</p>\n<ul class=\"plain-list\" id=\"compliance-todo-list\">\n");
            for (RuleFinding t : toDos) {
                body.append("<li>").append(MarkupText.text(text.of("cmsg", "finding.code." + t.code()))).append("</li>\n");
            }
            body.append("</ul>\n<p id=\"compliance-commitments\">").append(MarkupText.text(text.of("cmsg", "client.tile.commitments." + ourOutcome)))
                    .append("</p>\n");
        }
        String page = contextPath + "/portal/compliance.xhtml";
        body.append("<p><a id=\"compliance-link\" href=\"").append(MarkupText.text(page)).append("\">")
                .append(MarkupText.text(text.of("cmsg", "tile.link"))).append("</a></p>\n");
        return TileMarkup.tile("tile-compliance", text.of("cmsg", "tile.title"), page, tone, body.toString());
    }
}
