package fr.gestan.cloud.compliance.api;

import jakarta.ejb.ApplicationException;
import java.util.List;

/**
 * A certificate cannot be issued, reissued or revoked: a blocking rule fails (the findings say which and why), one of
 * our own obligations lacks fresh evidence (a certificate states only what we can prove: the findings say which), the
 * tenant has no hosting contract to certify, it already holds a valid certificate (issuing again supersedes it, after
 * an explicit confirmation: {@link Certificates#issueSuperseding}), or the certificate is already revoked.
 */
@ApplicationException(rollback = true)
public class CertificateRefusedException extends Exception {

    private static final long serialVersionUID = 1L;

    public enum Reason { BLOCKED, NO_CONTRACT, ALREADY_REVOKED, EVIDENCE_MISSING, VALID_EXISTS }

    private final Reason reason;
    private final transient List<RuleFinding> findings;
    private final String validNumber;

    public CertificateRefusedException(Reason reason, List<RuleFinding> findings) {
        this(reason, findings, null);
    }

    public CertificateRefusedException(Reason reason, List<RuleFinding> findings, String validNumber) {
        super(switch (reason) {
            case BLOCKED -> "Blocking findings: " + findings.stream().map(f -> f.ruleId() + "/" + f.code() + " " + f.evidence()).toList();
            case EVIDENCE_MISSING -> "Our evidence is missing: " + findings.stream().map(f -> f.ruleId() + "/" + f.code() + " " + f.evidence()).toList();
            case NO_CONTRACT -> "The tenant has no active hosting contract";
            case VALID_EXISTS -> "The tenant already holds the valid certificate " + validNumber;
            case ALREADY_REVOKED -> "The certificate is already revoked";
        });
        this.reason = reason;
        this.findings = List.copyOf(findings);
        this.validNumber = validNumber;
    }

    public Reason reason() {
        return reason;
    }

    /** The blocking findings, or our findings lacking evidence (empty for the other reasons). */
    public List<RuleFinding> findings() {
        return findings == null ? List.of() : findings;
    }

    /** The valid certificate the tenant holds ({@link Reason#VALID_EXISTS}), else null. */
    public String validNumber() {
        return validNumber;
    }
}
