package fr.gestan.cloud.compliance.api;

/** A certificate's status in the registry. */
public enum CertificateStatus { VALID, EXPIRED, REVOKED }
