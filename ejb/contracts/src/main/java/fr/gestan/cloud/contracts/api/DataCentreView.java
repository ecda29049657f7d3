package fr.gestan.cloud.contracts.api;

/** A data centre as other modules and the web layer see it. */
public record DataCentreView(long id, String code, String city, String countryCode, String operatorName) {
}
