package fr.gestan.cloud.compliance.api;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a certificate batch stands: tenants looked at; certificates issued; tenants skipped because they already hold
 * a valid certificate, or because they hold no contract to certify (registered, not yet hosted); tenants refused at
 * issue (blocked since the report, gone); tenants refused because our own evidence is missing (counted apart); and the SIRENs of the first {@value #REFUSED_SHOWN} refused, for staff to
 * follow up.
 */
public record CertificateBatchTally(int considered, int issued, int alreadyValid, int withoutContract, int refused,
                                    List<String> refusedSirens, int refusedEvidence) implements Serializable {

    public static final int REFUSED_SHOWN = 50;
    public static final CertificateBatchTally NONE = new CertificateBatchTally(0, 0, 0, 0, 0, List.of(), 0);

    public CertificateBatchTally {
        if (considered < 0 || issued < 0 || alreadyValid < 0 || withoutContract < 0 || refused < 0 || refusedEvidence < 0
                || issued + alreadyValid + withoutContract + refused + refusedEvidence != considered) {
            throw new IllegalArgumentException("inconsistent tally");
        }
        refusedSirens = List.copyOf(refusedSirens);
    }

    /** Without refusals for our missing evidence. */
    public CertificateBatchTally(int considered, int issued, int alreadyValid, int withoutContract, int refused, List<String> refusedSirens) {
        this(considered, issued, alreadyValid, withoutContract, refused, refusedSirens, 0);
    }

    public CertificateBatchTally withIssued() {
        return new CertificateBatchTally(considered + 1, issued + 1, alreadyValid, withoutContract, refused, refusedSirens, refusedEvidence);
    }

    public CertificateBatchTally withAlreadyValid() {
        return new CertificateBatchTally(considered + 1, issued, alreadyValid + 1, withoutContract, refused, refusedSirens, refusedEvidence);
    }

    public CertificateBatchTally withNoContract() {
        return new CertificateBatchTally(considered + 1, issued, alreadyValid, withoutContract + 1, refused, refusedSirens, refusedEvidence);
    }

    public CertificateBatchTally withRefused(String siren) {
        List<String> shown = refusedSirens;
        if (shown.size() < REFUSED_SHOWN) {
            shown = new ArrayList<>(shown);
            shown.add(siren);
        }
        return new CertificateBatchTally(considered + 1, issued, alreadyValid, withoutContract, refused + 1, shown, refusedEvidence);
    }

    /**
     * Refused because one of our own obligations lacks fresh evidence for this tenant: counted apart from the
     * tenants blocked by a rule (it is our evidence to bring, not the client's failure); listed with the refused.
     */
    public CertificateBatchTally withRefusedEvidence(String siren) {
        List<String> shown = refusedSirens;
        if (shown.size() < REFUSED_SHOWN) {
            shown = new ArrayList<>(shown);
            shown.add(siren);
        }
        return new CertificateBatchTally(considered + 1, issued, alreadyValid, withoutContract, refused, shown, refusedEvidence + 1);
    }

    /** For the journal. */
    public String summary() {
        return "considered " + considered + ", issued " + issued + ", already valid " + alreadyValid + ", without contract "
                + withoutContract + ", refused " + refused + ", refused (our evidence missing) " + refusedEvidence;
    }
}
