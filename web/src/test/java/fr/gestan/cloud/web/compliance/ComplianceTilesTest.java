package fr.gestan.cloud.web.compliance;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.gestan.cloud.compliance.api.CertificateStatus;
import fr.gestan.cloud.compliance.api.CertificateView;
import fr.gestan.cloud.compliance.api.RuleFinding;
import fr.gestan.cloud.compliance.api.RuleOutcome;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The client dashboard's compliance and certificate tiles, written by their beans: the ids, words and values their templates wrote. */
class ComplianceTilesTest {

    private static String text(String bundle, String key) {
        return bundle + ":" + key;
    }

    @Test
    void the_compliance_tile_its_to_dos_our_commitments_and_the_link() {
        RuleFinding todo = new RuleFinding("R1", 1L, RuleOutcome.FAIL, "DPA_UNSIGNED", "e", null);
        String html = ComplianceTileBean.tile(List.of(todo), "PASS", "warning", ComplianceTilesTest::text, n -> n + " to-do", "/ctx");
        assertTrue(html.startsWith("<section id=\"tile-compliance\" class=\"card tile tile-warning\""), html);
        assertTrue(html.contains("<a href=\"/ctx/portal/compliance.xhtml\">cmsg:tile.title</a>"), html);
        assertTrue(html.contains("<p class=\"figure\" id=\"compliance-todos\">1 to-do</p>\n<ul class=\"plain-list\" id=\"compliance-todo-list\">\n"
                + "<li>cmsg:finding.code.DPA_UNSIGNED</li>\n</ul>\n<p id=\"compliance-commitments\">cmsg:client.tile.commitments.PASS</p>"), html);
        assertTrue(html.contains("<p><a id=\"compliance-link\" href=\"/ctx/portal/compliance.xhtml\">cmsg:tile.link</a></p>"), html);
        String none = ComplianceTileBean.tile(null, "PASS", "normal", ComplianceTilesTest::text, n -> "", "");
        assertFalse(none.contains("compliance-todos"), none);
        assertTrue(none.contains("id=\"compliance-link\""), none);
    }

    @Test
    void the_certificate_tile_the_latest_or_none() {
        CertificateView latest = new CertificateView("GC-2026-000001", "842317653", "Boulangerie", "sha", CertificateStatus.VALID,
                Instant.EPOCH, Instant.EPOCH, "support", null, null, null, null, 1000);
        String html = PortalCertificatesBean.tile(latest, "ok", ComplianceTilesTest::text, s -> "label:" + s, at -> "at:" + at, "/ctx");
        assertTrue(html.startsWith("<section id=\"tile-certificate\" class=\"card tile tile-ok\""), html);
        assertTrue(html.contains("<a href=\"/ctx/portal/certificates.xhtml\">cmsg:cert.tile.title</a>"), html);
        assertTrue(html.contains("<p class=\"cert-latest\"><strong id=\"certificate-number\">GC-2026-000001</strong></p>\n"
                + "<p><span class=\"status-VALID\">label:VALID</span>\n· cmsg:cert.col.validUntil at:1970-01-01T00:00:00Z</p>\n"
                + "<p><a id=\"certificate-download\" href=\"/ctx/portal/certificate.pdf?number=GC-2026-000001\">cmsg:cert.download</a></p>"), html);
        String none = PortalCertificatesBean.tile(null, "normal", ComplianceTilesTest::text, s -> "", at -> "", "");
        assertTrue(none.contains("<p id=\"certificate-none\">cmsg:cert.tile.none</p>"), none);
    }
}
