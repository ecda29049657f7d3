package fr.gestan.cloud.compliance.api;

/**
 * The result of one compliance rule for a tenant or one of its contracts, from the most to the least severe.
 * Only {@link #FAIL} blocks the issue of a certificate; {@link #EVIDENCE_MISSING} says an input is not (yet)
 * available through the other modules' APIs, rather than inventing it.
 */
public enum RuleOutcome {
    FAIL, EVIDENCE_MISSING, OBLIGATION, PASS;

    public boolean blocking() {
        return this == FAIL;
    }

    /** The more severe of two outcomes. */
    public RuleOutcome worst(RuleOutcome other) {
        return other == null || ordinal() <= other.ordinal() ? this : other;
    }
}
