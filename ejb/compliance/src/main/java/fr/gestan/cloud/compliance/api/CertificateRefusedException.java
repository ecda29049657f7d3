package fr.gestan.cloud.compliance.api;

import jakarta.ejb.ApplicationException;
import java.util.List;

/**
 * A certificate cannot be issued, reissued or revoked: a blocking rule fails (the findings say which and why), or
 * the tenant has no
 * hosting contract to certify, or the certificate is already revoked.
 */
@ApplicationException(rollback = true)
public class CertificateRefusedException extends Exception {

    private static final long serialVersionUID = 1L;

    public enum Reason { BLOCKED, NO_CONTRACT, ALREADY_REVOKED }

    private final Reason reason;
    private final transient List<RuleFinding> findings;

    public CertificateRefusedException(Reason reason, List<RuleFinding> findings) {
        super(reason == Reason.BLOCKED ? "Blocking findings: " + findings.stream().map(f -> f.ruleId() + "/" + f.code() + " " + f.evidence()).toList()
                : reason == Reason.NO_CONTRACT ? "The tenant has no active hosting contract" : "The certificate is already revoked");
        this.reason = reason;
        this.findings = List.copyOf(findings);
    }

    public Reason reason() {
        return reason;
    }

    /** The blocking findings (empty unless {@link Reason#BLOCKED}). */
    public List<RuleFinding> findings() {
        return findings == null ? List.of() : findings;
    }
}
