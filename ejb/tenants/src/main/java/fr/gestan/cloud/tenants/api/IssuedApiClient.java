package fr.gestan.cloud.tenants.api;

/**
 * A freshly created API client with its secret, returned once to the client's administrator who created it; the
 * product keeps no copy. {@code tokenUrl} is where the integration obtains tokens (client-credentials grant).
 */
public record IssuedApiClient(ApiClientView client, String secret, String tokenUrl) {

    @Override
    public String toString() {
        return "IssuedApiClient[client=" + client.clientId() + ", secret=(hidden)]";
    }
}
