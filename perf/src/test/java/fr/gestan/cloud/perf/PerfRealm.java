package fr.gestan.cloud.perf;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * The harness's people, made before the load starts, idempotently (a second run finds them):
 * <ul>
 * <li>in Keycloak (master realm's bootstrap admin, as {@code run.sh} starts it): the public client {@value #CLIENT}
 * with direct access grants (password grant for the API scenario, like the integration tests' {@code gestan-it}),
 * staff users {@code perf.staff.NN} (roles admin and auditor in turn, each with its own TOTP key) and
 * {@code perf.setup} (admin), imported with {@code partialImport};</li>
 * <li>through the application itself ({@code POST /api/v1/tenants/{id}/portal-users}, as a staff member invites a
 * contact): one portal user {@code perf.client.<siren>.<k>@perf.example} per virtual client, over the first active
 * tenants by name, whose temporary password is then made permanent in Keycloak.</li>
 * </ul>
 */
final class PerfRealm {

    static final String CLIENT = "gestan-perf";
    static final String PASSWORD = "Gestan-Perf-2026!";
    static final String REALM = "gestan";

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern TENANT = Pattern.compile("\"id\"\\s*:\\s*(\\d+)\\s*,\\s*\"legalName\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*,\\s*\"siren\"\\s*:\\s*\"(\\d{9})\"");

    /** A staff member of the harness: username and the raw TOTP key Keycloak stores. */
    record Staff(String username, String otpKey) {
    }

    /** A client contact of the harness and its tenant. */
    record Client(String username, String siren, long tenantId, String legalName) {
    }

    private final String gestan;
    private final String keycloak;
    private final HttpClient http;

    PerfRealm(String gestanUrl, String keycloakUrl) {
        this.gestan = gestanUrl;
        this.keycloak = keycloakUrl;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(trustAll())
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    static Staff staff(int i) {
        String n = String.format("%02d", i);
        return new Staff("perf.staff." + n, "gestanperfstaffkey" + n);
    }

    static final Staff SETUP = new Staff("perf.setup", "gestanperfsetupkey00");

    /** Makes the client and the staff users in Keycloak; returns the staff users. */
    List<Staff> prepareStaff(int count) {
        String admin = adminToken();
        ensureClient(admin);
        List<Staff> staff = new ArrayList<>();
        StringBuilder users = new StringBuilder(userJson(SETUP, "admin"));
        for (int i = 1; i <= count; i++) {
            Staff s = staff(i);
            staff.add(s);
            users.append(',').append(userJson(s, i % 2 == 1 ? "admin" : "auditor"));
        }
        HttpResponse<String> r = send(json(keycloak + "/admin/realms/" + REALM + "/partialImport", admin)
                .POST(HttpRequest.BodyPublishers.ofString("{\"ifResourceExists\":\"SKIP\",\"users\":[" + users + "]}")));
        expect(r, 200, "import the harness's staff users");
        return staff;
    }

    /**
     * {@code count} portal users, one per virtual client (a Keycloak user signed in by several virtual users at once
     * was sent back to the form), spread over the first {@code count} active tenants by name (fewer tenants: several
     * contacts each), invited through the application by {@code perf.setup} when missing, their password made permanent.
     */
    List<Client> prepareClients(int count) {
        String bearer = "Bearer " + passwordGrant(SETUP.username(), SETUP.otpKey());
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(gestan + "/api/v1/tenants?state=ACTIVE&max=" + count))
                .header("Authorization", bearer).header("Accept", "application/json").GET());
        expect(page, 200, "list the active tenants");
        List<long[]> tenants = new ArrayList<>();
        List<String> sirens = new ArrayList<>();
        List<String> names = new ArrayList<>();
        Matcher m = TENANT.matcher(page.body());
        while (m.find()) {
            tenants.add(new long[] {Long.parseLong(m.group(1))});
            names.add(m.group(2));
            sirens.add(m.group(3));
        }
        if (tenants.isEmpty()) {
            throw new IllegalStateException("no active tenant listed by " + gestan + "/api/v1/tenants: " + page.body());
        }
        List<Client> clients = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            long id = tenants.get(k % tenants.size())[0];
            String siren = sirens.get(k % tenants.size());
            String username = String.format("perf.client.%s.%02d@perf.example", siren, k / tenants.size());
            HttpResponse<String> linked = send(HttpRequest.newBuilder(URI.create(gestan + "/api/v1/tenants/" + id + "/portal-users"))
                    .header("Authorization", bearer).header("Accept", "application/json").GET());
            expect(linked, 200, "list the portal users of tenant " + id);
            if (!linked.body().contains("\"" + username + "\"")) {
                HttpResponse<String> invited = invite(bearer, id, username);
                if (invited.statusCode() == 409) {
                    // left in Keycloak by a run on another database: this harness user is made again
                    String stale = adminToken();
                    expect(send(json(keycloak + "/admin/realms/" + REALM + "/users/" + userId(stale, username), stale).DELETE()), 204,
                            "remove the stale " + username);
                    invited = invite(bearer, id, username);
                }
                expect(invited, 201, "invite " + username);
                String admin = adminToken(); // the master realm's tokens live a minute: one per user
                String userId = userId(admin, username);
                expect(send(json(keycloak + "/admin/realms/" + REALM + "/users/" + userId + "/reset-password", admin)
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"type\":\"password\",\"value\":\"" + PASSWORD + "\",\"temporary\":false}"))),
                        204, "set the password of " + username);
                expect(send(json(keycloak + "/admin/realms/" + REALM + "/users/" + userId, admin)
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"requiredActions\":[]}"))), 204, "clear the required actions of " + username);
            }
            clients.add(new Client(username, siren, id, names.get(k % tenants.size())));
        }
        return clients;
    }

    private HttpResponse<String> invite(String bearer, long tenantId, String username) {
        return send(HttpRequest.newBuilder(URI.create(gestan + "/api/v1/tenants/" + tenantId + "/portal-users"))
                .header("Authorization", bearer).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + username + "\",\"firstName\":\"Perf\",\"lastName\":\"Client\"}")));
    }

    /** An access token (password grant through {@value #CLIENT}), with a TOTP code when a key is given. */
    String passwordGrant(String username, String otpKey) {
        for (int attempt = 0; ; attempt++) {
            String form = "grant_type=password&client_id=" + CLIENT + "&scope=openid&username=" + enc(username) + "&password=" + enc(PASSWORD)
                    + (otpKey == null ? "" : "&otp=" + Totp.code(otpKey));
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(keycloak + "/realms/" + REALM + "/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
            Matcher m = ACCESS_TOKEN.matcher(r.body());
            if (r.statusCode() == 200 && m.find()) {
                return m.group(1);
            }
            if (otpKey == null || attempt > 0) {
                throw new IllegalStateException("password grant refused for " + username + ": HTTP " + r.statusCode() + " " + r.body());
            }
            // A TOTP code is accepted once: wait for the next one (a previous run used this one).
            sleep(30_000 - System.currentTimeMillis() % 30_000 + 500);
        }
    }

    private String userJson(Staff s, String role) {
        return "{\"username\":\"" + s.username() + "\",\"enabled\":true,\"emailVerified\":true,\"firstName\":\"Perf\",\"lastName\":\"Staff\","
                + "\"email\":\"" + s.username() + "@gestan-cloud.example\",\"realmRoles\":[\"default-roles-gestan\",\"" + role + "\"],"
                + "\"credentials\":[{\"type\":\"password\",\"value\":\"" + PASSWORD + "\",\"temporary\":false},"
                + "{\"type\":\"otp\",\"userLabel\":\"load harness\",\"secretData\":\"{\\\"value\\\":\\\"" + s.otpKey() + "\\\"}\","
                + "\"credentialData\":\"{\\\"subType\\\":\\\"totp\\\",\\\"digits\\\":6,\\\"counter\\\":0,\\\"period\\\":30,\\\"algorithm\\\":\\\"HmacSHA1\\\"}\"}]}";
    }

    private void ensureClient(String admin) {
        String clients = keycloak + "/admin/realms/" + REALM + "/clients";
        HttpResponse<String> found = send(json(clients + "?clientId=" + CLIENT, admin).GET());
        expect(found, 200, "list the clients");
        if (ID.matcher(found.body()).find()) {
            return;
        }
        String client = "{\"clientId\":\"" + CLIENT + "\",\"name\":\"Load harness only\",\"enabled\":true,\"protocol\":\"openid-connect\","
                + "\"publicClient\":true,\"directAccessGrantsEnabled\":true,\"standardFlowEnabled\":false,\"fullScopeAllowed\":true,"
                + "\"protocolMappers\":[{\"name\":\"audience gestan-web\",\"protocol\":\"openid-connect\",\"protocolMapper\":\"oidc-audience-mapper\","
                + "\"config\":{\"included.client.audience\":\"gestan-web\",\"access.token.claim\":\"true\",\"id.token.claim\":\"false\"}}]}";
        HttpResponse<String> created = send(json(clients, admin).POST(HttpRequest.BodyPublishers.ofString(client)));
        if (created.statusCode() != 201 && created.statusCode() != 409) {
            expect(created, 201, "create the client " + CLIENT);
        }
    }

    private String userId(String admin, String username) {
        HttpResponse<String> r = send(json(keycloak + "/admin/realms/" + REALM + "/users?exact=true&username=" + enc(username), admin).GET());
        expect(r, 200, "find " + username);
        Matcher m = ID.matcher(r.body());
        if (!m.find()) {
            throw new IllegalStateException(username + " is not in Keycloak");
        }
        return m.group(1);
    }

    private String adminToken() {
        String password = System.getenv().getOrDefault("GESTAN_KEYCLOAK_ADMIN_PASSWORD", "admin");
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(keycloak + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=admin-cli&username=admin&password=" + enc(password))));
        Matcher m = ACCESS_TOKEN.matcher(r.body());
        if (r.statusCode() != 200 || !m.find()) {
            throw new IllegalStateException("Keycloak's master admin (admin / GESTAN_KEYCLOAK_ADMIN_PASSWORD) refused: HTTP " + r.statusCode());
        }
        return m.group(1);
    }

    private static HttpRequest.Builder json(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).header("Content-Type", "application/json");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("is Gestan Cloud running (./run.sh)? " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void expect(HttpResponse<String> r, int status, String what) {
        if (r.statusCode() != status) {
            throw new IllegalStateException("cannot " + what + ": HTTP " + r.statusCode() + " " + r.body());
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The instance under test has a self-signed certificate (run.sh): the harness does not check it. */
    static SSLContext trustAll() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new X509TrustManager() {
                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            }}, new SecureRandom());
            return context;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
