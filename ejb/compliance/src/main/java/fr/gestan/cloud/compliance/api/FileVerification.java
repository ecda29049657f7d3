package fr.gestan.cloud.compliance.api;

/**
 * The answer to "is this exact file one you issued?": the certificate it is (with its status now), or nothing when
 * the file is not one of ours or was modified (its SHA-256 matches no issued certificate).
 */
public record FileVerification(String sha256, boolean issuedByUs, CertificateStatusView certificate) implements java.io.Serializable {

    public FileVerification(String sha256, CertificateStatusView certificate) {
        this(sha256, certificate != null, certificate);
    }
}
