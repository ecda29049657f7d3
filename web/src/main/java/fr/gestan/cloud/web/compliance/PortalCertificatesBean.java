package fr.gestan.cloud.web.compliance;

import fr.gestan.cloud.compliance.api.CertificateStatus;
import fr.gestan.cloud.compliance.api.CertificateView;
import fr.gestan.cloud.compliance.api.Certificates;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.List;
import java.util.Optional;

/** The client's certificates: the portal page "Mes attestations" and the dashboard tile (latest one). */
@Named
@RequestScoped
public class PortalCertificatesBean {

    @EJB
    Certificates certificates;

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
}
