package fr.gestan.cloud.compliance.api;

/** What a back-office search hit is, in the order the results are shown. */
public enum SearchKind { COMPANY, CONTRACT, CERTIFICATE, SERVER }
