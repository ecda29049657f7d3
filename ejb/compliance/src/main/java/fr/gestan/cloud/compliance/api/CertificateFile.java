package fr.gestan.cloud.compliance.api;

/** A certificate's signed PDF. */
public record CertificateFile(String fileName, byte[] pdf) {
}
