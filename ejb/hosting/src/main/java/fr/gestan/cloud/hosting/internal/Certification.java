package fr.gestan.cloud.hosting.internal;

import fr.gestan.cloud.hosting.api.CertificationView;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.LocalDate;

/** A certification held by a data centre. */
@Embeddable
public class Certification {

    @Column(nullable = false, length = 120)
    private String name;
    @Column(nullable = false, length = 120)
    private String issuer;
    @Column(name = "expires_on", nullable = false)
    private LocalDate expiresOn;

    protected Certification() {
    }

    Certification(String name, String issuer, LocalDate expiresOn) {
        this.name = Checks.required(name, "certification");
        this.issuer = Checks.required(issuer, "issuer");
        if (expiresOn == null) {
            throw new IllegalArgumentException("expiry date is required");
        }
        this.expiresOn = expiresOn;
    }

    CertificationView toView() {
        return new CertificationView(name, issuer, expiresOn);
    }
}
