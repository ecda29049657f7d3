package fr.gestan.cloud.compliance.api;

/**
 * Whose obligation a rule or a finding is: the client's own to-do (accept the processor agreement, declare where its
 * e-invoices are kept, keep them 6 years), which the client acts on, or ours, the provider's (host in the EU, keep
 * distinct sites, snapshot before each update, back up and verify, and bring the evidence of it).
 */
public enum Party {
    /** The client acts: shown in its portal as "your to-dos", printed on the certificate as the client's obligations. */
    CLIENT,
    /** We (Gestan Cloud) act and owe the evidence: shown as our commitments; a certificate requires fresh evidence. */
    PROVIDER
}
