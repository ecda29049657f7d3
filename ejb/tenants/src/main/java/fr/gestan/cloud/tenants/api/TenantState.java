package fr.gestan.cloud.tenants.api;

/** The life cycle of a client company's hosting. */
public enum TenantState { ACTIVE, SUSPENDED, TERMINATED }
