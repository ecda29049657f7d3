package fr.gestan.cloud.hosting.api;

import java.time.LocalDate;

/** A certification of a data centre (ISO 27001, HDS...), with its issuer and expiry date. */
public record CertificationView(String name, String issuer, LocalDate expiresOn) implements java.io.Serializable {
}
