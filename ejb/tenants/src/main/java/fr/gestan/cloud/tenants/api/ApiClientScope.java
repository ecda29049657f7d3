package fr.gestan.cloud.tenants.api;

/**
 * What an API client may do: read its company's data ({@code api-read}), or also change it ({@code api-write}).
 * The realm roles are put in its tokens by the Keycloak client itself (hard-coded role mappers).
 */
public enum ApiClientScope {
    READ, WRITE
}
