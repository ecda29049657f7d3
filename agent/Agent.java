import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Gestan Cloud's reference server agent: one file, Java 17, nothing else to install. Run from cron or a systemd
 * timer:
 *
 * <pre>
 * java Agent.java --url https://gestan.example/api/v1/public/agent/events --token-file /etc/gestan-agent/token \
 *      --state /var/lib/gestan-agent/state.properties [--cacert /etc/gestan-agent/ca.pem] \
 *      [--restic /var/log/gestan-agent/restic.jsonl --target-dc DC5] [--sshd /var/log/gestan-agent/sshd.jsonl] \
 *      [--apt /var/log/apt/history.log] [--nft /var/log/gestan-agent/nft-ruleset.txt] [--zone Europe/Paris] \
 *      [--max-age-days 6] [--retries 5]
 * </pre>
 *
 * Sources: the output of {@code restic backup --json} (its summary line: one backup), {@code journalctl -o json -u ssh}
 * lines (each "Accepted ... for USER from ADDRESS" is a sign-in) and apt's history.log (each Install/Upgrade block is
 * a software update), and the output of {@code nft list ruleset} (its SHA-256 is the applied rule set, reported
 * when it differs from the last one reported: {@code firewall_applied}). It keeps its position in each source (byte offsets in the state file), saved only after the
 * server accepted the batch, and gives each event an id derived from the source (restic's snapshot id, journald's
 * cursor, apt's start date): after a failure it reads and posts the same events with the same ids, which the server
 * answers "duplicate", so retrying is always safe. Exit code 0 when everything was delivered, 1 otherwise.
 */
public final class Agent {

    private static final int BATCH = 500;
    private static final Pattern SSHD_ACCEPTED = Pattern.compile("^Accepted (\\S+) for (\\S+) from (\\S+) port \\d+");
    /** The key sshd names after "ssh2: " on a publickey sign-in: its type and fingerprint (SHA256:...). */
    private static final Pattern SSHD_KEY = Pattern.compile(" ssh2: \\S+ (SHA256:[A-Za-z0-9+/=]+)");

    private final Map<String, String> options;
    private final Properties state = new Properties();
    private final Map<String, Long> newPositions = new LinkedHashMap<>();
    private final Map<String, String> newMarks = new LinkedHashMap<>();

    private Agent(Map<String, String> options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        for (String required : List.of("url", "token-file", "state")) {
            if (!options.containsKey(required)) {
                System.err.println("missing --" + required);
                System.exit(2);
            }
        }
        System.exit(new Agent(options).run() ? 0 : 1);
    }

    private boolean run() throws Exception {
        Path statePath = Path.of(options.get("state"));
        if (Files.exists(statePath)) {
            try (InputStream in = Files.newInputStream(statePath)) {
                state.load(in);
            }
        }
        List<String> events = new ArrayList<>();
        Instant oldest = Instant.now().minus(Duration.ofDays(Long.parseLong(options.getOrDefault("max-age-days", "6"))));
        if (options.containsKey("restic")) {
            events.addAll(restic(Path.of(options.get("restic")), oldest));
        }
        if (options.containsKey("sshd")) {
            events.addAll(sshd(Path.of(options.get("sshd")), oldest));
        }
        if (options.containsKey("apt")) {
            events.addAll(apt(Path.of(options.get("apt")), oldest));
        }
        if (options.containsKey("nft")) {
            events.addAll(nft(Path.of(options.get("nft"))));
        }
        HttpClient client = client();
        String token = Files.readString(Path.of(options.get("token-file")), StandardCharsets.UTF_8).strip();
        for (int from = 0; from < events.size(); from += BATCH) {
            String body = "{\"events\":[" + String.join(",", events.subList(from, Math.min(events.size(), from + BATCH))) + "]}";
            if (!post(client, token, body)) {
                return false; // positions not saved: the next run sends the same events again, with the same ids
            }
        }
        newPositions.forEach((source, offset) -> state.setProperty(source, Long.toString(offset)));
        newMarks.forEach(state::setProperty);
        Path tmp = statePath.resolveSibling(statePath.getFileName() + ".tmp");
        try (var out = Files.newOutputStream(tmp)) {
            state.store(out, "gestan agent: bytes already reported, per source");
        }
        Files.move(tmp, statePath, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        System.out.println("delivered " + events.size() + " event(s)");
        return true;
    }

    /** Posts one batch, retrying network errors, 5xx and 429 with the same body (same ids); 4xx is final. */
    private boolean post(HttpClient client, String token, String body) throws InterruptedException {
        int retries = Integer.parseInt(options.getOrDefault("retries", "5"));
        long waitMillis = Long.parseLong(options.getOrDefault("retry-millis", "1000"));
        for (int attempt = 0; ; attempt++) {
            try {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(options.get("url")))
                        .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                        .header("X-Server-Token", token).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() / 100 == 2) {
                    return true;
                }
                System.err.println("HTTP " + response.statusCode() + ": " + response.body());
                if (response.statusCode() != 429 && response.statusCode() < 500) {
                    return false; // refused input: retrying would not help, a person must look
                }
                waitMillis = Math.max(waitMillis, 1000L * response.headers().firstValueAsLong("Retry-After").orElse(0));
            } catch (IOException e) {
                System.err.println("network: " + e);
            }
            if (attempt >= retries) {
                return false;
            }
            Thread.sleep(waitMillis);
            waitMillis *= 2;
        }
    }

    private HttpClient client() throws Exception {
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20));
        if (options.containsKey("cacert")) {
            // Trust exactly the given CA (the application's certificate may be self-signed or from a private CA).
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            try (InputStream pem = Files.newInputStream(Path.of(options.get("cacert")))) {
                int n = 0;
                for (var cert : CertificateFactory.getInstance("X.509").generateCertificates(pem)) {
                    trust.setCertificateEntry("ca" + n++, cert);
                }
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(null, tmf.getTrustManagers(), null);
            builder.sslContext(ssl);
        }
        return builder.build();
    }

    /** The new lines of a source since the saved position (complete lines only: a line being written waits). */
    private List<String> newLines(Path file) throws IOException {
        String key = file.toAbsolutePath().toString();
        long position = Long.parseLong(state.getProperty(key, "0"));
        List<String> lines = new ArrayList<>();
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            if (in.length() < position) {
                position = 0; // the file was rotated or truncated: start again (ids make re-sent events duplicates)
            }
            in.seek(position);
            byte[] rest = new byte[(int) (in.length() - position)];
            in.readFully(rest);
            int start = 0;
            for (int i = 0; i < rest.length; i++) {
                if (rest[i] == '\n') {
                    lines.add(new String(rest, start, i - start, StandardCharsets.UTF_8));
                    start = i + 1;
                }
            }
            newPositions.put(key, position + start);
        }
        return lines;
    }

    private List<String> restic(Path file, Instant oldest) throws IOException {
        List<String> events = new ArrayList<>();
        // restic 0.14 prints no end time: the output file is written when the backup ends.
        Instant ended = Files.getLastModifiedTime(file).toInstant();
        for (String line : newLines(file)) {
            Map<String, String> json = flatJson(line);
            if (!"summary".equals(json.get("message_type")) || ended.isBefore(oldest)) {
                continue;
            }
            events.add(event("restic-" + json.get("snapshot_id"), "backup", ended, Map.of("tool", "restic",
                    "bytes", json.getOrDefault("total_bytes_processed", "0"), "archiveId", json.get("snapshot_id"),
                    // a backup is not a restore test: "verified" is reported by the restore drill, not here
                    "verified", "false", "targetDataCentre", options.getOrDefault("target-dc", "unknown"))));
        }
        return events;
    }

    private List<String> sshd(Path file, Instant oldest) throws IOException {
        List<String> events = new ArrayList<>();
        for (String line : newLines(file)) {
            if (line.isBlank()) {
                continue;
            }
            Map<String, String> json = flatJson(line);
            Matcher accepted = SSHD_ACCEPTED.matcher(json.getOrDefault("MESSAGE", ""));
            if (!accepted.find()) {
                continue;
            }
            long micros = Long.parseLong(json.get("__REALTIME_TIMESTAMP"));
            Instant at = Instant.ofEpochSecond(micros / 1_000_000, (micros % 1_000_000) * 1000);
            if (at.isBefore(oldest)) {
                continue;
            }
            // journald's cursor names the entry uniquely; hashed, because it holds characters event ids do not allow
            Map<String, String> fields = new LinkedHashMap<>(Map.of("account", accepted.group(2), "address", accepted.group(3), "method", "ssh"));
            Matcher key = SSHD_KEY.matcher(json.getOrDefault("MESSAGE", ""));
            if (key.find()) {
                fields.put("keyFingerprint", key.group(1)); // who it is, even on a shared account
            }
            events.add(event("sshd-" + sha256(json.get("__CURSOR")).substring(0, 32), "server_access", at, fields));
        }
        return events;
    }

    private List<String> apt(Path file, Instant oldest) throws IOException {
        List<String> events = new ArrayList<>();
        ZoneId zone = ZoneId.of(options.getOrDefault("zone", ZoneId.systemDefault().getId()));
        DateTimeFormatter format = DateTimeFormatter.ofPattern("yyyy-MM-dd  HH:mm:ss");
        String start = null;
        StringBuilder packages = new StringBuilder();
        for (String line : newLines(file)) {
            if (line.startsWith("Start-Date: ")) {
                start = line.substring(12).strip();
                packages.setLength(0);
            } else if (line.startsWith("Install: ") || line.startsWith("Upgrade: ")) {
                packages.append(packages.length() == 0 ? "" : ", ").append(line.substring(line.indexOf(' ') + 1));
            } else if (line.startsWith("End-Date: ") && start != null) {
                Instant at = LocalDateTime.parse(start, format).atZone(zone).toInstant();
                if (packages.length() > 0 && !at.isBefore(oldest)) {
                    String list = packages.length() > 490 ? packages.substring(0, 489) + "…" : packages.toString();
                    events.add(event("apt-" + start.replaceAll("[^0-9]", ""), "software_update", at, Map.of("packages", list)));
                }
                start = null;
            }
        }
        return events;
    }

    /**
     * The rule set in force: the SHA-256 of {@code nft list ruleset}'s output, byte for byte (staff approve the same
     * digest: {@code nft list ruleset | sha256sum}). Reported when it differs from the last one the server accepted;
     * the id is the digest and the file's time, so a retry is a duplicate and a return to an earlier set is new.
     */
    private List<String> nft(Path file) throws IOException {
        byte[] ruleset = Files.readAllBytes(file);
        String digest;
        try {
            digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(ruleset));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        String key = "nft:" + file.toAbsolutePath();
        if (digest.equals(state.getProperty(key))) {
            return List.of();
        }
        newMarks.put(key, digest);
        Instant at = Files.getLastModifiedTime(file).toInstant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Instant now = Instant.now();
        if (at.isAfter(now) || at.isBefore(now.minus(Duration.ofDays(6)))) {
            at = now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS); // the set is in force now, whatever the file's age
        }
        return List.of(event("nft-" + digest.substring(0, 16) + "-" + at.getEpochSecond(), "firewall_applied", at,
                Map.of("ruleSetSha256", digest)));
    }

    private static String event(String id, String kind, Instant at, Map<String, String> fields) {
        StringBuilder json = new StringBuilder("{\"id\":").append(quote(id)).append(",\"kind\":").append(quote(kind))
                .append(",\"occurredAt\":").append(quote(at.toString()));
        // sorted: a retry must send byte-for-byte the same batch
        new java.util.TreeMap<>(fields).forEach((name, value) -> json.append(',').append(quote(name)).append(':').append(quote(value)));
        return json.append('}').toString();
    }

    private static String quote(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** The scalar members of one JSON object (restic's and journald's lines are flat), as text. */
    static Map<String, String> flatJson(String line) {
        Map<String, String> map = new LinkedHashMap<>();
        Matcher m = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"\\s*:\\s*(\"((?:[^\"\\\\]|\\\\.)*)\"|[-0-9.eE+]+|true|false|null)").matcher(line);
        while (m.find()) {
            map.put(unescape(m.group(1)), m.group(3) != null ? unescape(m.group(3)) : m.group(2));
        }
        return map;
    }

    private static String unescape(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                switch (n) {
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                        i += 4;
                    }
                    default -> out.append(n);
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
