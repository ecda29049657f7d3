package fr.gestan.cloud.tenants.api;

/** A tenant as other modules and the web layer see it. */
public record TenantView(long id, String legalName, String siren, TenantState state) implements java.io.Serializable {
}
