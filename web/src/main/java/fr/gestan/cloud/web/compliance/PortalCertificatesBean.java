package fr.gestan.cloud.web.compliance;

import fr.gestan.cloud.common.MarkupText;
import fr.gestan.cloud.compliance.api.CertificateStatus;
import fr.gestan.cloud.compliance.api.CertificateView;
import fr.gestan.cloud.compliance.api.Certificates;
import fr.gestan.cloud.web.i18n.Formats;
import fr.gestan.cloud.web.i18n.Labels;
import fr.gestan.cloud.web.layout.TileMarkup;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** The client's certificates: the portal page "Mes attestations" and the dashboard tile (latest one). */
@Named
@RequestScoped
public class PortalCertificatesBean {

    @EJB
    Certificates certificates;
    @Inject
    Formats fmt;
    @Inject
    Labels label;

    private List<CertificateView> mine;
    private Optional<CertificateView> latest;

    public List<CertificateView> getMine() {
        if (mine == null) {
            mine = certificates.mine();
        }
        return mine;
    }

    /** The newest certificate, or null: the dashboard's tile reads only that one (the list holds up to 500). */
    public CertificateView getLatest() {
        if (latest == null) {
            latest = mine != null ? mine.stream().findFirst() : certificates.myLatest();
        }
        return latest.orElse(null);
    }

    public String getTone() {
        CertificateView latest = getLatest();
        if (latest == null) {
            return "normal";
        }
        return latest.status() == CertificateStatus.VALID ? "ok" : "warning";
    }

    /** The dashboard's tile, written whole ({@link TileMarkup}): the latest certificate, its status, validity and download; or "none yet". */
    public String getTile() {
        return tile(getLatest(), getTone(), TileMarkup.BUNDLES, status -> label.code("CertificateStatus", status), fmt::dateTime,
                TileMarkup.contextPath());
    }

    static String tile(CertificateView latest, String tone, TileMarkup.Texts text, Function<Object, String> statusLabel,
                       Function<Instant, String> dateTime, String contextPath) {
        StringBuilder body = new StringBuilder(500);
        if (latest != null) {
            String status = latest.status() == null ? "" : latest.status().name();
            body.append("<p class=\"cert-latest\"><strong id=\"certificate-number\">").append(MarkupText.text(latest.number()))
                    .append("</strong></p>\n<p><span class=\"status-").append(MarkupText.text(status)).append("\">")
                    .append(MarkupText.text(statusLabel.apply(latest.status()))).append("</span>\n· ")
                    .append(MarkupText.text(text.of("cmsg", "cert.col.validUntil"))).append(' ').append(MarkupText.text(dateTime.apply(latest.validUntil())))
                    .append("</p>\n<p><a id=\"certificate-download\" href=\"")
                    .append(MarkupText.text(contextPath + "/portal/certificate.pdf?number=" + URLEncoder.encode(latest.number(), StandardCharsets.UTF_8)))
                    .append("\">").append(MarkupText.text(text.of("cmsg", "cert.download"))).append("</a></p>\n");
        } else {
            body.append("<p id=\"certificate-none\">").append(MarkupText.text(text.of("cmsg", "cert.tile.none"))).append("</p>\n");
        }
        return TileMarkup.tile("tile-certificate", text.of("cmsg", "cert.tile.title"), contextPath + "/portal/certificates.xhtml", tone,
                body.toString());
    }
}
