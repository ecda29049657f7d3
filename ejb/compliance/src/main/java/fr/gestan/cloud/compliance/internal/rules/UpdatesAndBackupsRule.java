package fr.gestan.cloud.compliance.internal.rules;

import fr.gestan.cloud.compliance.api.Party;
import fr.gestan.cloud.compliance.api.RuleOutcome;

/** Rule R6-SNAPSHOTS-BACKUPS: Every software update on the tenant's servers during the period was preceded by a snapshot; backups ran as often as the policy says and were verified. */
public final class UpdatesAndBackupsRule extends ComplianceRule {

    @Override
    public String id() {
        return "R6-SNAPSHOTS-BACKUPS";
    }

    /** Ours: the client has nothing to do for it. */
    @Override
    public Party owner() {
        return Party.PROVIDER;
    }

    @Override
    public String legalReference() {
        return "ANSSI SecNumCloud 3.2 §12.3, §12.5 ; ISO/IEC 27001:2022 A.8.13, A.8.32";
    }

    @Override
    public String explanationFr() {
        return "Chaque mise à jour logicielle des serveurs du client pendant la période a été précédée d'un instantané ; les sauvegardes ont eu lieu aussi souvent que la politique le prévoit et ont été vérifiées.";
    }

    @Override
    public String explanationEn() {
        return "Every software update on the tenant's servers during the period was preceded by a snapshot; backups ran as often as the policy says and were verified.";
    }

    /** The finding of a control that passes on evidence declared by staff only (no machine reported it). */
    public static final String DECLARED_ONLY = "control-ok-declared";

    @Override
    protected void evaluate(TenantFacts tenant, Findings findings) {

        for (TenantFacts.ContractFacts c : tenant.contracts()) {
            if (c.controls() == null) {
                findings.add(c.id(), RuleOutcome.EVIDENCE_MISSING, "controls-unknown", "");
                continue;
            }
            for (String control : new String[] {"UPDATE_SNAPSHOT", "BACKUP"}) {
                TenantFacts.Control found = c.controls().stream().filter(x -> control.equals(x.control())).findFirst().orElse(null);
                if (found == null) {
                    findings.add(c.id(), RuleOutcome.EVIDENCE_MISSING, "no-evidence", control);
                } else if ("FAILING".equals(found.status())) {
                    findings.add(c.id(), RuleOutcome.FAIL, "control-failing", found.server() + " " + control + " " + found.reason());
                } else if ("ATTENTION".equals(found.status()) || "NO_EVIDENCE".equals(found.status())) {
                    // no machine reported what the control needs: unknown, never a pass
                    findings.add(c.id(), RuleOutcome.EVIDENCE_MISSING, "control-attention", found.server() + " " + control + " " + found.reason());
                } else if (found.declared()) {
                    // passing on staff's word only: said so wherever the finding shows (portal, certificate)
                    findings.add(c.id(), RuleOutcome.PASS, DECLARED_ONLY, found.server() + " " + control);
                } else {
                    findings.add(c.id(), RuleOutcome.PASS, "control-ok", found.server() + " " + control);
                }
            }
        }
    }
}
