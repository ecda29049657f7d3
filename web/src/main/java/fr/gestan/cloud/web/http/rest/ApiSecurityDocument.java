package fr.gestan.cloud.web.http.rest;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Declares how the API is called in the OpenAPI document ({@code /openapi}, registered as {@code mp.openapi.filter}
 * in {@code META-INF/microprofile-config.properties}): the security schemes {@code oauth2} (client-credentials grant
 * at the realm's token address, for integrations' API clients) and {@code bearer} (any Keycloak access token of the
 * realm with the audience {@code gestan-web}), required by every operation but the public ones ({@code /api/v1/public/}),
 * and, on each operation an API client may call, which access it needs ({@code api-read} or {@code api-write}).
 */
public class ApiSecurityDocument implements OASFilter {

    static final String OAUTH2 = "oauth2";
    static final String BEARER = "bearer";

    /**
     * The operations open to API clients and the role each needs (the EJBs' {@code @RolesAllowed} decide; this is
     * their documentation, checked by {@code ApiClientsJourneyIT}).
     */
    static final Map<String, String> API_CLIENT_OPERATIONS = Map.of(
            "GET /api/v1/me/company", "api-read",
            "GET /api/v1/me/company/change-requests", "api-read",
            "POST /api/v1/me/company/change-requests", "api-write",
            "GET /api/v1/me/exports", "api-read",
            "POST /api/v1/me/exports", "api-write",
            "GET /api/v1/me/exports/{id}", "api-read",
            "GET /api/v1/me/exports/{id}/zip", "api-read");

    static String tokenUrl() {
        String provider = System.getProperty("gestan.oidc.provider-url", System.getenv("GESTAN_OIDC_PROVIDER_URL"));
        return (provider == null || provider.isBlank() ? "https://localhost:8543/realms/gestan" : provider.strip())
                + "/protocol/openid-connect/token";
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSecurityScheme(OAUTH2, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.OAUTH2)
                .description("Integrations: an API client created by the company's contact in the portal (API clients page)"
                        + " obtains a token with its identifier and secret (client-credentials grant), then sends it as a bearer"
                        + " token. It acts for its own company only; read-only clients hold api-read, read-write ones also api-write.")
                .flows(OASFactory.createOAuthFlows().clientCredentials(OASFactory.createOAuthFlow()
                        .tokenUrl(tokenUrl()).scopes(Map.of()))));
        openAPI.getComponents().addSecurityScheme(BEARER, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                .description("A Keycloak access token of realm gestan with the audience gestan-web (staff, client contacts, API clients)."));
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        List<SecurityRequirement> signedIn = List.of(OASFactory.createSecurityRequirement().addScheme(BEARER),
                OASFactory.createSecurityRequirement().addScheme(OAUTH2));
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            boolean open = path.getKey().startsWith("/api/v1/public/");
            for (Map.Entry<PathItem.HttpMethod, Operation> op : path.getValue().getOperations().entrySet()) {
                Operation operation = op.getValue();
                operation.setSecurity(open ? List.of() : signedIn);
                String role = API_CLIENT_OPERATIONS.get(op.getKey().name() + " " + path.getKey());
                if (!open) {
                    String access = role == null ? "API clients: not allowed." : "API clients: role " + role + ".";
                    operation.setDescription(operation.getDescription() == null ? access : operation.getDescription() + " " + access);
                }
            }
        }
    }
}
