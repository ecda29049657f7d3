package fr.gestan.cloud.web.compliance;

import fr.gestan.cloud.compliance.api.CertificateStatus;
import fr.gestan.cloud.compliance.api.CertificateView;
import fr.gestan.cloud.compliance.api.Certificates;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.List;

/** The client's certificates: the portal page "Mes attestations" and the dashboard tile (latest one). */
@Named
@RequestScoped
public class PortalCertificatesBean {

    @EJB
    Certificates certificates;

    private List<CertificateView> mine;

    public List<CertificateView> getMine() {
        if (mine == null) {
            mine = certificates.mine();
        }
        return mine;
    }

    public CertificateView getLatest() {
        return getMine().isEmpty() ? null : getMine().get(0);
    }

    public String getTone() {
        CertificateView latest = getLatest();
        if (latest == null) {
            return "normal";
        }
        return latest.status() == CertificateStatus.VALID ? "ok" : "warning";
    }
}
