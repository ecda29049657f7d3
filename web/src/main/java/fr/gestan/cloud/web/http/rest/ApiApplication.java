package fr.gestan.cloud.web.http.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The JSON REST API, version 1. Callers present a Keycloak bearer token (realm {@code gestan}); its
 * OpenAPI document is served by WildFly at {@code /openapi}.
 */
@ApplicationPath("/api/v1")
public class ApiApplication extends Application {
}
