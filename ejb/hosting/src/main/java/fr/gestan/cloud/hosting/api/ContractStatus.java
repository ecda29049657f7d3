package fr.gestan.cloud.hosting.api;

/** Lifecycle of a hosting contract: draft, then active, then terminated. */
public enum ContractStatus { DRAFT, ACTIVE, TERMINATED }
