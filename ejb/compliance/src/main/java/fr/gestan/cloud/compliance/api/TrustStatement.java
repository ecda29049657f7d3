package fr.gestan.cloud.compliance.api;

/**
 * The public "Sécurité & confidentialité" statement: the source page rebuilt with its figures read live (sites and
 * their certifications, the operator and its jurisdiction, policy values, recovery durations). Anyone may read it.
 */
public interface TrustStatement {

    /** The statement in {@code fr} or {@code en} (anything else: French). */
    PublicDocumentView statement(String language);

    /** The promises with their live proofs (home page, the summary of /trust), from the statement's own sources. */
    TrustSummary summary();

    /** The same statement as a bilingual PDF. */
    byte[] pdf();
}
