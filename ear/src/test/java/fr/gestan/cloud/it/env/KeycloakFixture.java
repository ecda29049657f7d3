package fr.gestan.cloud.it.env;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Static helpers for integration tests that talk to the test Keycloak started by {@link TestEnvironment}.
 *
 * <p>The production client {@code gestan-web} has direct access grants off, so tokens are obtained
 * through a public, test-only client {@value #TEST_CLIENT} that this class creates once in realm
 * {@code gestan} through the admin REST API (master realm bootstrap admin). It carries the same
 * {@code tenant} claim mapper as {@code gestan-web} and an audience mapper adding {@code gestan-web}.
 * Uses only {@link HttpClient}; JSON is read with small regular expressions.
 */
public final class KeycloakFixture {

    public static final String TEST_CLIENT = "gestan-it";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(420); // a first boot builds Quarkus (3.5 min seen on a loaded 2-core machine)
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern REFRESH_TOKEN = Pattern.compile("\"refresh_token\"\\s*:\\s*\"([^\"]+)\"");
    /** The demo staff's Keycloak sessions for {@link #accessToken}: refresh token by user name and password. */
    private static final Map<String, String> REFRESH_TOKENS = new ConcurrentHashMap<>();
    private static final Pattern ERROR = Pattern.compile("\"error\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern DISABLED = Pattern.compile("\"disabled\"\\s*:\\s*true");

    // Keycloak answers on HTTPS with its self-signed certificate, verified against the tests' trust store (KeycloakTls).
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .sslContext(KeycloakTls.sslContext())
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private static volatile boolean ready;
    private static volatile boolean testClientExists;

    private KeycloakFixture() {
    }

    /** After Keycloak was restarted: ready and the test client must be checked again. */
    static void forget() {
        ready = false;
        testClientExists = false;
        REFRESH_TOKENS.clear();
    }

    /** Base URL of Keycloak, e.g. {@code https://localhost:18543}. */
    public static String baseUrl() {
        return System.getProperty("gestan.it.keycloak.url", TestEnvironment.KEYCLOAK_URL);
    }

    /** Issuer / OIDC provider URL of realm gestan. */
    public static String realmUrl() {
        return baseUrl() + "/realms/" + TestEnvironment.REALM;
    }

    /** Blocks until the realm answers 200 (at most 420 s); fails with the tail of the Keycloak log otherwise. */
    public static void awaitReady() {
        if (ready) {
            return;
        }
        String startError = TestEnvironment.keycloakStartError();
        if (startError != null) {
            throw new IllegalStateException("Keycloak was not started: " + startError);
        }
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            Process p = TestEnvironment.keycloakProcess();
            if (p != null && !p.isAlive()) {
                throw new IllegalStateException("Keycloak exited with code " + p.exitValue() + " before being ready\n"
                        + TestEnvironment.keycloakLogTail(60));
            }
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(realmUrl()))
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    ready = true;
                    return;
                }
                last = "HTTP " + r.statusCode();
            } catch (IOException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Keycloak", e);
            }
            sleep(1000);
        }
        throw new IllegalStateException("Keycloak not ready at " + realmUrl() + " after " + READY_TIMEOUT.toSeconds()
                + " s (last: " + last + ")\n" + TestEnvironment.keycloakLogTail(60));
    }

    /**
     * A fresh access token of a realm gestan user (password grant through {@value #TEST_CLIENT}); fails if refused. A
     * demo staff member gives the second factor once per Keycloak session, as with an application that keeps its
     * session: Keycloak takes each TOTP code once, and a new code comes every 30 s only ({@link Totp}), so the later
     * tokens are minted from the session's refresh token (the same user, roles and claims read afresh, no code spent).
     * A session ended meanwhile (sign-out, lockout, password change) falls back on the password grant.
     */
    public static String accessToken(String username, String password) {
        String session = username + '\n' + password;
        boolean staff = Totp.DEMO_SECRETS.containsKey(username);
        String refresh = staff ? REFRESH_TOKENS.get(session) : null;
        if (refresh != null) {
            TokenResult refreshed = refreshGrant(refresh);
            if (refreshed.ok()) {
                REFRESH_TOKENS.put(session, refreshed.refreshToken());
                return refreshed.accessToken();
            }
            REFRESH_TOKENS.remove(session);
        }
        TokenResult r = passwordGrant(username, password);
        if (!r.ok()) {
            throw new IllegalStateException("password grant refused for " + username + ": HTTP " + r.status()
                    + " " + r.body());
        }
        if (staff && r.refreshToken() != null) {
            REFRESH_TOKENS.put(session, r.refreshToken());
        }
        return r.accessToken();
    }

    /** A refresh-token grant through {@value #TEST_CLIENT}. */
    private static TokenResult refreshGrant(String refreshToken) {
        awaitReady();
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(realmUrl() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(form("grant_type", "refresh_token", "client_id", TEST_CLIENT, "refresh_token", refreshToken)));
        return new TokenResult(r.statusCode(), r.body());
    }

    /** The demo client contact's "Authorization" header value (a fresh token: tokens expire within a test class). */
    public static String clientBearer() {
        return "Bearer " + accessToken("client.demo", "Gestan-Client-2026!");
    }

    /** The demo support engineer's "Authorization" header value. */
    public static String supportBearer() {
        return "Bearer " + accessToken("support.demo", "Gestan-Support-2026!");
    }

    /** The raw outcome of a password grant, for tests that expect a refusal (wrong password, lockout). */
    public static TokenResult passwordGrant(String username, String password) {
        // Staff give their second factor in the password grant too.
        return passwordGrant(username, password, Totp.hasSecret(username) ? Totp.nextCode(username) : null);
    }

    /** A password grant with the given TOTP code ({@code otp}), or none when it is null. */
    public static TokenResult passwordGrant(String username, String password, String otp) {
        awaitReady();
        ensureTestClient();
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(realmUrl() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(otp != null
                        ? form("grant_type", "password", "client_id", TEST_CLIENT, "scope", "openid",
                                "username", username, "password", password, "otp", otp)
                        : form("grant_type", "password", "client_id", TEST_CLIENT, "scope", "openid",
                                "username", username, "password", password)));
        return new TokenResult(r.statusCode(), r.body());
    }

    /** A client-credentials grant at {@code tokenUrl} (an integration's API client), as {@code curl -d grant_type=...} does. */
    public static TokenResult clientCredentialsGrant(String tokenUrl, String clientId, String secret) {
        awaitReady();
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(tokenUrl))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(form("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret)));
        return new TokenResult(r.statusCode(), r.body());
    }

    /** The decoded JSON payload of a JWT (no signature check), to assert on claims. */
    public static String claims(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length < 2) {
            throw new IllegalArgumentException("not a JWT");
        }
        return new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
    }

    /** Clears the brute-force lockout of a realm gestan user. */
    public static void unlock(String username) {
        String path = "/admin/realms/" + TestEnvironment.REALM + "/attack-detection/brute-force/users/" + userId(username);
        HttpResponse<String> r = send(admin(path).DELETE());
        if (r.statusCode() != 204 && r.statusCode() != 200) {
            throw new IllegalStateException("unlock " + username + ": HTTP " + r.statusCode() + " " + r.body());
        }
    }

    /** Whether brute-force detection currently locks this realm gestan user. */
    public static boolean isLocked(String username) {
        String path = "/admin/realms/" + TestEnvironment.REALM + "/attack-detection/brute-force/users/" + userId(username);
        HttpResponse<String> r = send(admin(path).GET());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("lockout status of " + username + ": HTTP " + r.statusCode() + " " + r.body());
        }
        return DISABLED.matcher(r.body()).find();
    }

    /** The admin API's JSON of a realm gestan user (its required actions among others). */
    public static String userJson(String username) {
        HttpResponse<String> r = send(admin("/admin/realms/" + TestEnvironment.REALM + "/users/" + userId(username)).GET());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("user " + username + ": HTTP " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    /** The admin API's JSON of realm gestan: its settings as Keycloak holds them. */
    public static String realmJson() {
        HttpResponse<String> r = send(admin("/admin/realms/" + TestEnvironment.REALM).GET());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("realm " + TestEnvironment.REALM + ": HTTP " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    /** Changes some settings of realm gestan (a partial realm JSON), as an administrator would in Keycloak's console. */
    public static void updateRealm(String json) {
        HttpResponse<String> r = send(admin("/admin/realms/" + TestEnvironment.REALM).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
        if (r.statusCode() != 204) {
            throw new IllegalStateException("realm update: HTTP " + r.statusCode() + " " + r.body());
        }
    }

    /** A top-level number or string setting of a realm JSON ({@code null}: absent). */
    public static String realmSetting(String realmJson, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*(\"((?:[^\"\\\\]|\\\\.)*)\"|-?\\d+)").matcher(realmJson);
        return !m.find() ? null : m.group(2) != null ? m.group(2) : m.group(1);
    }

    /** Sets a realm gestan user's password as an administrator; answers the HTTP status (400: refused by the password policy). */
    public static int setPassword(String username, String password) {
        String json = "{\"type\":\"password\",\"value\":\"" + password + "\",\"temporary\":false}";
        return send(admin("/admin/realms/" + TestEnvironment.REALM + "/users/" + userId(username) + "/reset-password")
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json))).statusCode();
    }

    /** Creates an enabled realm gestan user with this password (not temporary) and realm role; returns its id. */
    public static String createUser(String username, String password, String realmRole) {
        String users = "/admin/realms/" + TestEnvironment.REALM + "/users";
        String json = "{\"username\":\"" + username + "\",\"enabled\":true,\"firstName\":\"New\",\"lastName\":\"Staff\","
                + "\"email\":\"" + username + "@gestan.example\",\"emailVerified\":true,"
                + "\"credentials\":[{\"type\":\"password\",\"value\":\"" + password + "\",\"temporary\":false}]}";
        HttpResponse<String> created = send(admin(users).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
        if (created.statusCode() != 201) {
            throw new IllegalStateException("cannot create user " + username + ": HTTP " + created.statusCode() + " " + created.body());
        }
        String id = userId(username);
        HttpResponse<String> role = send(admin("/admin/realms/" + TestEnvironment.REALM + "/roles/" + realmRole).GET());
        HttpResponse<String> mapped = send(admin(users + "/" + id + "/role-mappings/realm").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("[" + role.body() + "]")));
        if (role.statusCode() != 200 || mapped.statusCode() != 204) {
            throw new IllegalStateException("cannot give " + username + " role " + realmRole + ": HTTP " + mapped.statusCode() + " " + mapped.body());
        }
        return id;
    }

    /** Sets the required actions of a realm gestan user (e.g. {@code webauthn-register}), as an administrator would. */
    public static void requireActions(String username, String... actions) {
        String list = String.join(",", java.util.Arrays.stream(actions).map(a -> "\"" + a + "\"").toList());
        HttpResponse<String> r = send(admin("/admin/realms/" + TestEnvironment.REALM + "/users/" + userId(username))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("{\"requiredActions\":[" + list + "]}")));
        if (r.statusCode() != 204) {
            throw new IllegalStateException("cannot set required actions of " + username + ": HTTP " + r.statusCode() + " " + r.body());
        }
    }

    /** The admin API's JSON of a realm gestan user's credentials (their types among others). */
    public static String credentialsJson(String username) {
        HttpResponse<String> r = send(admin("/admin/realms/" + TestEnvironment.REALM + "/users/" + userId(username) + "/credentials").GET());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("credentials of " + username + ": HTTP " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    /** The Keycloak id of a realm gestan user. */
    public static String userId(String username) {
        HttpResponse<String> r = send(admin("/admin/realms/" + TestEnvironment.REALM + "/users?exact=true&username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8)).GET());
        Matcher m = ID.matcher(r.body());
        if (r.statusCode() != 200 || !m.find()) {
            throw new IllegalStateException("user " + username + " not found: HTTP " + r.statusCode() + " " + r.body());
        }
        return m.group(1);
    }

    /** Creates the public test client {@value #TEST_CLIENT} in realm gestan unless it exists. */
    public static synchronized void ensureTestClient() {
        if (testClientExists) {
            return;
        }
        awaitReady();
        String clients = "/admin/realms/" + TestEnvironment.REALM + "/clients";
        HttpResponse<String> found = send(admin(clients + "?clientId=" + TEST_CLIENT).GET());
        if (found.statusCode() != 200) {
            throw new IllegalStateException("cannot list clients: HTTP " + found.statusCode() + " " + found.body());
        }
        if (!ID.matcher(found.body()).find()) {
            String json = "{\"clientId\":\"" + TEST_CLIENT + "\",\"name\":\"Integration tests only\","
                    + "\"enabled\":true,\"protocol\":\"openid-connect\",\"publicClient\":true,"
                    + "\"directAccessGrantsEnabled\":true,\"standardFlowEnabled\":false,\"implicitFlowEnabled\":false,"
                    + "\"serviceAccountsEnabled\":false,\"fullScopeAllowed\":true,"
                    + "\"protocolMappers\":["
                    + "{\"name\":\"tenant\",\"protocol\":\"openid-connect\",\"protocolMapper\":\"oidc-usermodel-attribute-mapper\","
                    + "\"config\":{\"user.attribute\":\"tenant\",\"claim.name\":\"tenant\",\"jsonType.label\":\"String\","
                    + "\"id.token.claim\":\"true\",\"access.token.claim\":\"true\",\"userinfo.token.claim\":\"true\","
                    + "\"introspection.token.claim\":\"true\"}},"
                    + "{\"name\":\"audience gestan-web\",\"protocol\":\"openid-connect\",\"protocolMapper\":\"oidc-audience-mapper\","
                    + "\"config\":{\"included.client.audience\":\"gestan-web\",\"access.token.claim\":\"true\","
                    + "\"id.token.claim\":\"false\",\"introspection.token.claim\":\"true\"}}]}";
            HttpResponse<String> created = send(admin(clients)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)));
            // 409: created meanwhile by another JVM
            if (created.statusCode() != 201 && created.statusCode() != 409) {
                throw new IllegalStateException("cannot create client " + TEST_CLIENT + ": HTTP "
                        + created.statusCode() + " " + created.body());
            }
        }
        testClientExists = true;
    }

    /** A fresh admin token of the master realm bootstrap admin. */
    public static String adminToken() {
        awaitReady();
        HttpResponse<String> r = send(HttpRequest.newBuilder(
                        URI.create(baseUrl() + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(form("grant_type", "password", "client_id", "admin-cli",
                        "username", TestEnvironment.KEYCLOAK_ADMIN_USER,
                        "password", TestEnvironment.KEYCLOAK_ADMIN_PASSWORD)));
        Matcher m = ACCESS_TOKEN.matcher(r.body());
        if (r.statusCode() != 200 || !m.find()) {
            throw new IllegalStateException("admin token refused: HTTP " + r.statusCode() + " " + r.body());
        }
        return m.group(1);
    }

    /** Outcome of a token request. */
    public record TokenResult(int status, String body) {

        public boolean ok() {
            return status == 200 && ACCESS_TOKEN.matcher(body).find();
        }

        /** The access token, or {@code null} if refused. */
        public String accessToken() {
            Matcher m = ACCESS_TOKEN.matcher(body);
            return m.find() ? m.group(1) : null;
        }

        /** The refresh token, or {@code null} if none. */
        public String refreshToken() {
            Matcher m = REFRESH_TOKEN.matcher(body);
            return m.find() ? m.group(1) : null;
        }

        /** The OAuth error code (e.g. {@code invalid_grant}), or {@code null}. */
        public String error() {
            Matcher m = ERROR.matcher(body);
            return m.find() ? m.group(1) : null;
        }
    }

    // ------------------------------------------------------------------ helpers

    private static HttpRequest.Builder admin(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Authorization", "Bearer " + adminToken())
                .header("Accept", "application/json");
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static HttpRequest.BodyPublisher form(String... keyValues) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < keyValues.length; i += 2) {
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(URLEncoder.encode(keyValues[i], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(keyValues[i + 1], StandardCharsets.UTF_8));
        }
        return HttpRequest.BodyPublishers.ofString(sb.toString());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Keycloak", e);
        }
    }
}
