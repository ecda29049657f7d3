package fr.gestan.cloud.compliance.api;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a certificate batch stands: tenants looked at; certificates issued; tenants skipped because they already hold
 * a valid certificate, or because they hold no contract to certify (registered, not yet hosted); tenants refused at
 * issue (blocked since the report, gone); and the SIRENs of the first {@value #REFUSED_SHOWN} refused, for staff to
 * follow up.
 */
public record CertificateBatchTally(int considered, int issued, int alreadyValid, int withoutContract, int refused,
                                    List<String> refusedSirens) implements Serializable {

    public static final int REFUSED_SHOWN = 50;
    public static final CertificateBatchTally NONE = new CertificateBatchTally(0, 0, 0, 0, 0, List.of());

    public CertificateBatchTally {
        if (considered < 0 || issued < 0 || alreadyValid < 0 || withoutContract < 0 || refused < 0
                || issued + alreadyValid + withoutContract + refused != considered) {
            throw new IllegalArgumentException("inconsistent tally");
        }
        refusedSirens = List.copyOf(refusedSirens);
    }

    public CertificateBatchTally withIssued() {
        return new CertificateBatchTally(considered + 1, issued + 1, alreadyValid, withoutContract, refused, refusedSirens);
    }

    public CertificateBatchTally withAlreadyValid() {
        return new CertificateBatchTally(considered + 1, issued, alreadyValid + 1, withoutContract, refused, refusedSirens);
    }

    public CertificateBatchTally withNoContract() {
        return new CertificateBatchTally(considered + 1, issued, alreadyValid, withoutContract + 1, refused, refusedSirens);
    }

    public CertificateBatchTally withRefused(String siren) {
        List<String> shown = refusedSirens;
        if (shown.size() < REFUSED_SHOWN) {
            shown = new ArrayList<>(shown);
            shown.add(siren);
        }
        return new CertificateBatchTally(considered + 1, issued, alreadyValid, withoutContract, refused + 1, shown);
    }

    /** For the journal. */
    public String summary() {
        return "considered " + considered + ", issued " + issued + ", already valid " + alreadyValid + ", without contract "
                + withoutContract + ", refused " + refused;
    }
}
