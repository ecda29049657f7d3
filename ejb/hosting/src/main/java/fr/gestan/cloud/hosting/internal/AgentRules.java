package fr.gestan.cloud.hosting.internal;

import fr.gestan.cloud.hosting.api.AgentEvent;
import fr.gestan.cloud.hosting.api.AgentEventRejectedException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks one agent event and converts its fields, naming the event (its index in the batch) and the field it
 * refuses: the agent must be able to fix its input from the answer alone. Pure logic, unit tested.
 */
final class AgentRules {

    /** What may be reported, and the fields each kind requires besides {@code id}, {@code kind} and {@code occurredAt}. */
    enum Kind {
        METRICS("metrics"), BACKUP("backup"), SNAPSHOT("snapshot"), SOFTWARE_UPDATE("software_update"), SERVER_ACCESS("server_access"),
        FIREWALL_APPLIED("firewall_applied"), DDOS("ddos");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        String code() {
            return code;
        }

        static Kind of(String code) {
            return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst().orElse(null);
        }
    }

    /**
     * A server's own agent reports what happens inside it (its firewall's rule set included); snapshots are taken
     * outside, and DDoS attacks are seen and mitigated upstream, by the contractor or the operator.
     */
    static final Set<Kind> SERVER_KINDS = EnumSet.of(Kind.METRICS, Kind.BACKUP, Kind.SOFTWARE_UPDATE, Kind.SERVER_ACCESS,
            Kind.FIREWALL_APPLIED);

    static final Duration MAX_AHEAD = Duration.ofMinutes(5);
    /** Agents keep their position and retry: a week of backlog is accepted, older is refused as stale. */
    static final Duration MAX_AGE = Duration.ofDays(7);
    private static final Pattern EVENT_ID = Pattern.compile("[A-Za-z0-9._:@/+-]{1,100}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Set<String> ACCESS_METHODS = Set.of("ssh", "rdp", "console");
    private static final int MAX_TEXT = 500;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** A checked event: typed values by field name, and the text kept as its details. */
    record Checked(int index, String id, Kind kind, Instant at, String server, Map<String, Object> values) {

        Object value(String field) {
            return values.get(field);
        }

        /** {@code field=value} pairs sorted by field, for the stored record (bounded to the column). */
        String details() {
            String text = new TreeMap<>(values).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; "));
            return text.length() > 4000 ? text.substring(0, 3999) + "…" : text;
        }
    }

    private AgentRules() {
    }

    static Checked check(int index, AgentEvent event, Set<Kind> allowed, boolean needsServer, Instant now) {
        if (event == null) {
            throw bad(index, null, "missing-event");
        }
        String id = event.id();
        if (id == null || id.isBlank()) {
            throw bad(index, "id", "missing-field");
        }
        if (!EVENT_ID.matcher(id).matches()) {
            throw bad(index, "id", "malformed-id");
        }
        if (event.kind() == null || event.kind().isBlank()) {
            throw bad(index, "kind", "missing-field");
        }
        Kind kind = Kind.of(event.kind());
        if (kind == null) {
            throw bad(index, "kind", "unknown-kind");
        }
        if (!allowed.contains(kind)) {
            throw new AgentEventRejectedException(403, "kind-not-allowed", index, "kind");
        }
        Map<String, String> f = event.fields();
        Instant at = time(index, f, "occurredAt", now, true);
        // metrics keep their own age limit (a day): an old measurement says nothing of the server's state now
        if (kind == Kind.METRICS && at.isBefore(now.minus(MetricRules.MAX_AGE))) {
            throw bad(index, "occurredAt", "stale-time");
        }
        String server = text(index, f, "server", needsServer);
        Map<String, Object> v = new LinkedHashMap<>();
        switch (kind) {
            case METRICS -> {
                v.put("cpuPercent", percent(index, f, "cpuPercent"));
                v.put("diskPercent", percent(index, f, "diskPercent"));
                v.put("memoryPercent", percent(index, f, "memoryPercent"));
            }
            case BACKUP -> {
                v.put("tool", text(index, f, "tool", true));
                Instant started = time(index, f, "startedAt", now, false);
                if (started != null && started.isAfter(at)) {
                    throw bad(index, "startedAt", "start-after-end");
                }
                if (started != null) {
                    v.put("startedAt", started);
                }
                v.put("bytes", count(index, f, "bytes"));
                v.put("archiveId", text(index, f, "archiveId", true));
                v.put("verified", bool(index, f, "verified"));
                v.put("targetDataCentre", text(index, f, "targetDataCentre", true));
            }
            case SNAPSHOT -> v.put("snapshotId", text(index, f, "snapshotId", true));
            case SOFTWARE_UPDATE -> v.put("packages", text(index, f, "packages", true));
            case SERVER_ACCESS -> {
                v.put("account", text(index, f, "account", true));
                v.put("address", text(index, f, "address", true));
                String method = text(index, f, "method", true);
                if (!ACCESS_METHODS.contains(method)) {
                    throw bad(index, "method", "unknown-method");
                }
                v.put("method", method);
                String key = text(index, f, "keyFingerprint", false);
                if (key != null) {
                    v.put("keyFingerprint", key);
                }
                Instant ended = time(index, f, "endedAt", now, false);
                if (ended != null && ended.isBefore(at)) {
                    throw bad(index, "endedAt", "end-before-start");
                }
                if (ended != null) {
                    v.put("endedAt", ended);
                }
            }
            case FIREWALL_APPLIED -> {
                String digest = text(index, f, "ruleSetSha256", true);
                if (!SHA256.matcher(digest).matches()) {
                    throw bad(index, "ruleSetSha256", "malformed-digest");
                }
                v.put("ruleSetSha256", digest);
            }
            case DDOS -> {
                // occurredAt is the attack's start; mitigatedAt is absent while the attack is not mitigated
                Instant mitigated = time(index, f, "mitigatedAt", now, false);
                if (mitigated != null && mitigated.isBefore(at)) {
                    throw bad(index, "mitigatedAt", "end-before-start");
                }
                if (mitigated != null) {
                    v.put("mitigatedAt", mitigated);
                }
                String vector = text(index, f, "vector", false);
                if (vector != null) {
                    v.put("vector", vector);
                }
            }
            default -> throw new IllegalStateException(kind.toString());
        }
        return new Checked(index, id, kind, at, server, v);
    }

    private static AgentEventRejectedException bad(int index, String field, String code) {
        return new AgentEventRejectedException(400, code, index, field);
    }

    private static String text(int index, Map<String, String> f, String field, boolean required) {
        String value = f.get(field);
        if (value == null || value.isBlank()) {
            if (required) {
                throw bad(index, field, "missing-field");
            }
            return null;
        }
        if (value.length() > MAX_TEXT) {
            throw bad(index, field, "too-long");
        }
        return value.strip();
    }

    private static Instant time(int index, Map<String, String> f, String field, Instant now, boolean required) {
        String value = text(index, f, field, required);
        if (value == null) {
            return null;
        }
        Instant at;
        try {
            at = Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw bad(index, field, "malformed-time");
        }
        if (at.isAfter(now.plus(MAX_AHEAD))) {
            throw bad(index, field, "future-time");
        }
        if (at.isBefore(now.minus(MAX_AGE))) {
            throw bad(index, field, "stale-time");
        }
        return at;
    }

    private static BigDecimal percent(int index, Map<String, String> f, String field) {
        String value = text(index, f, field, true);
        BigDecimal number;
        try {
            number = new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw bad(index, field, "not-a-number");
        }
        if (number.signum() < 0 || number.compareTo(HUNDRED) > 0 || number.stripTrailingZeros().scale() > 2) {
            throw bad(index, field, "out-of-range");
        }
        return number;
    }

    private static long count(int index, Map<String, String> f, String field) {
        String value = text(index, f, field, true);
        try {
            long n = Long.parseLong(value);
            if (n < 0) {
                throw bad(index, field, "out-of-range");
            }
            return n;
        } catch (NumberFormatException e) {
            throw bad(index, field, "not-a-number");
        }
    }

    private static boolean bool(int index, Map<String, String> f, String field) {
        String value = text(index, f, field, true);
        if (!"true".equals(value) && !"false".equals(value)) {
            throw bad(index, field, "not-a-boolean");
        }
        return Boolean.parseBoolean(value);
    }
}
