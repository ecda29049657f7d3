package fr.gestan.cloud.compliance.api;

import java.time.Instant;
import java.util.List;

/**
 * A tenant's compliance as the daily job stored it: when, the overall outcome, the ids of the rules that block
 * (FAIL) and of those that leave the client an obligation. The live evidence is {@link ComplianceEvaluation#evaluate}.
 */
public record StoredReportView(String tenantSiren, String tenantName, Instant evaluatedAt, RuleOutcome outcome,
                               List<String> blockingRules, List<String> obligationRules) implements java.io.Serializable {
    public StoredReportView {
        blockingRules = List.copyOf(blockingRules);
        obligationRules = List.copyOf(obligationRules);
    }

    /** The blocking rules' ids, comma-separated (for display). */
    public String blocking() {
        return String.join(", ", blockingRules);
    }

    /** The ids of the rules with an obligation, comma-separated (for display). */
    public String obligations() {
        return String.join(", ", obligationRules);
    }
}
