package fr.gestan.cloud.hosting.api;

/** A server's recovery plan as a PDF document, with the file name to download it under. */
public record RecoveryPlanPdf(String fileName, byte[] content) {
}
