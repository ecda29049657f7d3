package fr.gestan.cloud.compliance.internal.rules;

import fr.gestan.cloud.compliance.api.Party;
import fr.gestan.cloud.compliance.api.RuleOutcome;
import java.math.BigDecimal;
import java.util.List;

/** Rule R4-SECNUMCLOUD-19.6: Operators and the other sub-processors are free of non-EU extraterritorial control: head office in the EU, no single non-EU holder above 24 % of the capital, non-EU holders together at most 39 %. A US company or a subsidiary of one fails. */
public final class OperatorSovereigntyRule extends ComplianceRule {

    public static final BigDecimal MAX_SINGLE = new BigDecimal("24");
    public static final BigDecimal MAX_TOTAL = new BigDecimal("39");

    @Override
    public String id() {
        return "R4-SECNUMCLOUD-19.6";
    }

    /** Ours: the client has nothing to do for it. */
    @Override
    public Party owner() {
        return Party.PROVIDER;
    }

    @Override
    public String legalReference() {
        return "ANSSI SecNumCloud 3.2 §19.6 (protection vis-à-vis du droit extra-européen)";
    }

    @Override
    public String explanationFr() {
        return "Les opérateurs échappent à tout contrôle extraterritorial hors UE : siège social dans l'UE, aucun détenteur hors UE au-delà de 24 % du capital, détenteurs hors UE au plus 39 % ensemble. Une société américaine ou sa filiale échoue.";
    }

    @Override
    public String explanationEn() {
        return "Operators are free of non-EU extraterritorial control: head office in the EU, no single non-EU holder above 24 % of the capital, non-EU holders together at most 39 %. A US company or a subsidiary of one fails.";
    }

    @Override
    protected void evaluate(TenantFacts tenant, Findings findings) {

        for (TenantFacts.ContractFacts c : tenant.contracts()) {
            for (TenantFacts.Site site : c.sites()) {
                TenantFacts.Operator op = site.operator();
                if (op == null) {
                    findings.add(c.id(), RuleOutcome.EVIDENCE_MISSING, "operator-unknown", site.label());
                    continue;
                }
                check(c.id(), op, op.legalName() + " / " + site.dataCentre(), findings);
            }
            // the other sub-processors in effect (the monitoring contractor, ...) answer to the same test
            for (TenantFacts.SubProcessor s : c.subProcessors() == null ? List.<TenantFacts.SubProcessor>of() : c.subProcessors()) {
                if (!s.operator()) {
                    check(c.id(), s.identity(), s.identity().legalName() + " / " + s.role(), findings);
                }
            }
        }
    }

    private static void check(long contract, TenantFacts.Operator op, String who, Findings findings) {
        if (op.headOfficeCountry() == null || op.largestNonEuShare() == null || op.totalNonEuShare() == null) {
            findings.add(contract, RuleOutcome.EVIDENCE_MISSING, "capital-unknown", who);
        } else if (!Countries.inEu(op.headOfficeCountry())) {
            findings.add(contract, RuleOutcome.FAIL, "head-office-outside-eu", who + " (" + op.headOfficeCountry() + ")");
        } else if (op.parentGroupCountry() != null && !Countries.inEu(op.parentGroupCountry())) {
            findings.add(contract, RuleOutcome.FAIL, "non-eu-parent", who + " (" + op.parentGroupCountry() + ")");
        } else if (op.largestNonEuShare().compareTo(MAX_SINGLE) > 0) {
            findings.add(contract, RuleOutcome.FAIL, "non-eu-holder-above-24", who + " " + op.largestNonEuShare().toPlainString() + " %");
        } else if (op.totalNonEuShare().compareTo(MAX_TOTAL) > 0) {
            findings.add(contract, RuleOutcome.FAIL, "non-eu-holders-above-39", who + " " + op.totalNonEuShare().toPlainString() + " %");
        } else {
            findings.add(contract, RuleOutcome.PASS, "eu-controlled", who + " " + op.largestNonEuShare().toPlainString()
                    + " % / " + op.totalNonEuShare().toPlainString() + " %");
        }
    }
}
