package fr.gestan.cloud.security.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The settings of one version of the security policy.
 *
 * @param bruteForceFailureFactor     failed sign-ins before a temporary lockout (Keycloak {@code failureFactor})
 * @param bruteForceWaitIncrementSeconds lockout added at each new failure ({@code waitIncrementSeconds})
 * @param bruteForceMaxWaitSeconds    longest temporary lockout ({@code maxFailureWaitSeconds})
 * @param bruteForceMaxDeltaSeconds   when the failure count resets ({@code maxDeltaTimeSeconds})
 * @param bruteForcePermanentLockout  lock permanently instead ({@code permanentLockout})
 * @param credentialMinLength         generated credentials: minimum length
 * @param credentialMinClasses        generated credentials: character classes (lower, upper, digits, symbols)
 * @param sessionTimeoutMinutes       idle session timeout
 * @param tlsRequired                 TLS required on every connection
 * @param backupEveryHours            backup frequency
 * @param backupRetentionDays         backup retention
 * @param snapshotBeforeUpdate        a snapshot is required before every software update
 * @param monitorCpuPercent           CPU alert threshold
 * @param monitorDiskPercent          disk alert threshold
 * @param monitorMemoryPercent        memory alert threshold
 * @param snapshotWindowHours         how long before a software update its snapshot may have been taken
 * @param silenceMinutes              how long a server may stay silent before its status is "no data"
 * @param ddosMitigationHours         how long a DDoS attack may last before it is mitigated
 * @param sessionMaxHours             longest sign-in session, active or not (Keycloak {@code ssoSessionMaxLifespan})
 * @param passwordMinLength           users' passwords: minimum length (Keycloak password policy {@code length})
 * @param passwordHistory             users' passwords: how many previous ones may not be reused ({@code passwordHistory})
 * @param objectionDays               sub-processor changes: the days a client has to object after the notice (GDPR art. 28(2))
 *
 * Every threshold and duration the product enforces is read from here, and the texts print these same values.
 * The sign-in settings ({@code sessionTimeoutMinutes} as the realm's SSO idle timeout, {@code sessionMaxHours}, the
 * password policy and the brute-force settings) are pushed to the Keycloak realm when a version comes into effect.
 */
public record PolicySettings(
        @Min(value = 3, message = "{policy.bruteForce.failureFactor}") @Max(value = 30, message = "{policy.bruteForce.failureFactor}") int bruteForceFailureFactor,
        @Min(value = 1, message = "{policy.bruteForce.wait}") @Max(value = 86400, message = "{policy.bruteForce.wait}") int bruteForceWaitIncrementSeconds,
        @Min(value = 1, message = "{policy.bruteForce.wait}") @Max(value = 86400, message = "{policy.bruteForce.wait}") int bruteForceMaxWaitSeconds,
        @Min(value = 60, message = "{policy.bruteForce.delta}") @Max(value = 604800, message = "{policy.bruteForce.delta}") int bruteForceMaxDeltaSeconds,
        boolean bruteForcePermanentLockout,
        @Min(value = 12, message = "{policy.credential.length}") @Max(value = 128, message = "{policy.credential.length}") int credentialMinLength,
        @Min(value = 3, message = "{policy.credential.classes}") @Max(value = 4, message = "{policy.credential.classes}") int credentialMinClasses,
        @Min(value = 5, message = "{policy.session.timeout}") @Max(value = 720, message = "{policy.session.timeout}") int sessionTimeoutMinutes,
        boolean tlsRequired,
        @Min(value = 1, message = "{policy.backup.every}") @Max(value = 168, message = "{policy.backup.every}") int backupEveryHours,
        @Min(value = 1, message = "{policy.backup.retention}") @Max(value = 3650, message = "{policy.backup.retention}") int backupRetentionDays,
        boolean snapshotBeforeUpdate,
        @Min(value = 50, message = "{policy.monitor.threshold}") @Max(value = 100, message = "{policy.monitor.threshold}") int monitorCpuPercent,
        @Min(value = 50, message = "{policy.monitor.threshold}") @Max(value = 100, message = "{policy.monitor.threshold}") int monitorDiskPercent,
        @Min(value = 50, message = "{policy.monitor.threshold}") @Max(value = 100, message = "{policy.monitor.threshold}") int monitorMemoryPercent,
        @Min(value = 1, message = "{policy.snapshot.window}") @Max(value = 168, message = "{policy.snapshot.window}") int snapshotWindowHours,
        @Min(value = 5, message = "{policy.silence}") @Max(value = 1440, message = "{policy.silence}") int silenceMinutes,
        @Min(value = 1, message = "{policy.ddos.mitigation}") @Max(value = 72, message = "{policy.ddos.mitigation}") int ddosMitigationHours,
        @Min(value = 1, message = "{policy.session.max}") @Max(value = 720, message = "{policy.session.max}") int sessionMaxHours,
        @Min(value = 8, message = "{policy.password.length}") @Max(value = 128, message = "{policy.password.length}") int passwordMinLength,
        @Min(value = 0, message = "{policy.password.history}") @Max(value = 24, message = "{policy.password.history}") int passwordHistory,
        @Min(value = 8, message = "{policy.objection.days}") @Max(value = 180, message = "{policy.objection.days}") int objectionDays) implements java.io.Serializable {

    /** A 30-day objection period: the server setting's default before it joined the policy (migration V22). */
    public static final int DEFAULT_OBJECTION_DAYS = 30;

    /** Before the objection period joined the policy (migration V22): 30 days. */
    public PolicySettings(int bruteForceFailureFactor, int bruteForceWaitIncrementSeconds, int bruteForceMaxWaitSeconds,
                          int bruteForceMaxDeltaSeconds, boolean bruteForcePermanentLockout, int credentialMinLength,
                          int credentialMinClasses, int sessionTimeoutMinutes, boolean tlsRequired, int backupEveryHours,
                          int backupRetentionDays, boolean snapshotBeforeUpdate, int monitorCpuPercent, int monitorDiskPercent,
                          int monitorMemoryPercent, int snapshotWindowHours, int silenceMinutes, int ddosMitigationHours,
                          int sessionMaxHours, int passwordMinLength, int passwordHistory) {
        this(bruteForceFailureFactor, bruteForceWaitIncrementSeconds, bruteForceMaxWaitSeconds, bruteForceMaxDeltaSeconds,
                bruteForcePermanentLockout, credentialMinLength, credentialMinClasses, sessionTimeoutMinutes, tlsRequired,
                backupEveryHours, backupRetentionDays, snapshotBeforeUpdate, monitorCpuPercent, monitorDiskPercent,
                monitorMemoryPercent, snapshotWindowHours, silenceMinutes, ddosMitigationHours, sessionMaxHours,
                passwordMinLength, passwordHistory, DEFAULT_OBJECTION_DAYS);
    }

    /** The same settings with another objection period for sub-processor changes. */
    public PolicySettings withObjectionDays(int days) {
        return with(Map.of("objectionDays", days));
    }

    /** Sessions of 10 h at most, passwords of 12 characters, the last 3 not reused: the realm's values before they joined the policy (migration V14). */
    public static final int DEFAULT_SESSION_MAX_HOURS = 10;
    public static final int DEFAULT_PASSWORD_MIN_LENGTH = 12;
    public static final int DEFAULT_PASSWORD_HISTORY = 3;

    /** Before the session lifespan and the password policy joined the policy (migration V14): the realm's values. */
    public PolicySettings(int bruteForceFailureFactor, int bruteForceWaitIncrementSeconds, int bruteForceMaxWaitSeconds,
                          int bruteForceMaxDeltaSeconds, boolean bruteForcePermanentLockout, int credentialMinLength,
                          int credentialMinClasses, int sessionTimeoutMinutes, boolean tlsRequired, int backupEveryHours,
                          int backupRetentionDays, boolean snapshotBeforeUpdate, int monitorCpuPercent, int monitorDiskPercent,
                          int monitorMemoryPercent, int snapshotWindowHours, int silenceMinutes, int ddosMitigationHours) {
        this(bruteForceFailureFactor, bruteForceWaitIncrementSeconds, bruteForceMaxWaitSeconds, bruteForceMaxDeltaSeconds,
                bruteForcePermanentLockout, credentialMinLength, credentialMinClasses, sessionTimeoutMinutes, tlsRequired,
                backupEveryHours, backupRetentionDays, snapshotBeforeUpdate, monitorCpuPercent, monitorDiskPercent,
                monitorMemoryPercent, snapshotWindowHours, silenceMinutes, ddosMitigationHours, DEFAULT_SESSION_MAX_HOURS,
                DEFAULT_PASSWORD_MIN_LENGTH, DEFAULT_PASSWORD_HISTORY);
    }

    /** DDoS mitigation within 4 h: the value of version 1 (migration V11). */
    public static final int DEFAULT_DDOS_MITIGATION_HOURS = 4;

    /** Before the DDoS mitigation time joined the policy (migration V11): 4 h. */
    public PolicySettings(int bruteForceFailureFactor, int bruteForceWaitIncrementSeconds, int bruteForceMaxWaitSeconds,
                          int bruteForceMaxDeltaSeconds, boolean bruteForcePermanentLockout, int credentialMinLength,
                          int credentialMinClasses, int sessionTimeoutMinutes, boolean tlsRequired, int backupEveryHours,
                          int backupRetentionDays, boolean snapshotBeforeUpdate, int monitorCpuPercent, int monitorDiskPercent,
                          int monitorMemoryPercent, int snapshotWindowHours, int silenceMinutes) {
        this(bruteForceFailureFactor, bruteForceWaitIncrementSeconds, bruteForceMaxWaitSeconds, bruteForceMaxDeltaSeconds,
                bruteForcePermanentLockout, credentialMinLength, credentialMinClasses, sessionTimeoutMinutes, tlsRequired,
                backupEveryHours, backupRetentionDays, snapshotBeforeUpdate, monitorCpuPercent, monitorDiskPercent,
                monitorMemoryPercent, snapshotWindowHours, silenceMinutes, DEFAULT_DDOS_MITIGATION_HOURS);
    }

    /** Memory threshold 90 %, snapshot window 24 h, silence 30 min: the values enforced before they joined the policy (migration V10). */
    public PolicySettings(int bruteForceFailureFactor, int bruteForceWaitIncrementSeconds, int bruteForceMaxWaitSeconds,
                          int bruteForceMaxDeltaSeconds, boolean bruteForcePermanentLockout, int credentialMinLength,
                          int credentialMinClasses, int sessionTimeoutMinutes, boolean tlsRequired, int backupEveryHours,
                          int backupRetentionDays, boolean snapshotBeforeUpdate, int monitorCpuPercent, int monitorDiskPercent) {
        this(bruteForceFailureFactor, bruteForceWaitIncrementSeconds, bruteForceMaxWaitSeconds, bruteForceMaxDeltaSeconds,
                bruteForcePermanentLockout, credentialMinLength, credentialMinClasses, sessionTimeoutMinutes, tlsRequired,
                backupEveryHours, backupRetentionDays, snapshotBeforeUpdate, monitorCpuPercent, monitorDiskPercent, 90, 24, 30,
                DEFAULT_DDOS_MITIGATION_HOURS);
    }

    /** The same settings with other monitoring thresholds. */
    public PolicySettings withMonitoring(int cpu, int disk, int memory) {
        return with(Map.of("monitorCpuPercent", cpu, "monitorDiskPercent", disk, "monitorMemoryPercent", memory));
    }

    /** The same settings with another DDoS mitigation time. */
    public PolicySettings withDdosMitigation(int hours) {
        return with(Map.of("ddosMitigationHours", hours));
    }

    /** The same settings with other sign-in settings: idle and longest session, password length and history. */
    public PolicySettings withSignIn(int idleMinutes, int maxHours, int passwordLength, int history) {
        return with(Map.of("sessionTimeoutMinutes", idleMinutes, "sessionMaxHours", maxHours, "passwordMinLength", passwordLength,
                "passwordHistory", history));
    }

    /** These settings with some of them replaced, each by its {@link #asMap()} name: the withers' one copy of the constructor call. */
    private PolicySettings with(Map<String, Object> changes) {
        Map<String, Object> s = asMap();
        changes.forEach((name, value) -> {
            if (s.replace(name, value) == null) {
                throw new IllegalArgumentException("no setting named " + name);
            }
        });
        return new PolicySettings((int) s.get("bruteForceFailureFactor"), (int) s.get("bruteForceWaitIncrementSeconds"),
                (int) s.get("bruteForceMaxWaitSeconds"), (int) s.get("bruteForceMaxDeltaSeconds"), (boolean) s.get("bruteForcePermanentLockout"),
                (int) s.get("credentialMinLength"), (int) s.get("credentialMinClasses"), (int) s.get("sessionTimeoutMinutes"),
                (boolean) s.get("tlsRequired"), (int) s.get("backupEveryHours"), (int) s.get("backupRetentionDays"),
                (boolean) s.get("snapshotBeforeUpdate"), (int) s.get("monitorCpuPercent"), (int) s.get("monitorDiskPercent"),
                (int) s.get("monitorMemoryPercent"), (int) s.get("snapshotWindowHours"), (int) s.get("silenceMinutes"),
                (int) s.get("ddosMitigationHours"), (int) s.get("sessionMaxHours"), (int) s.get("passwordMinLength"),
                (int) s.get("passwordHistory"), (int) s.get("objectionDays"));
    }

    /**
     * The realm's password policy in Keycloak's syntax: the policy's length and history, and the composition every
     * version keeps (one lower case, one upper case, one digit, one symbol, not the username).
     */
    public String keycloakPasswordPolicy() {
        return "length(" + passwordMinLength + ") and upperCase(1) and lowerCase(1) and digits(1) and specialChars(1)"
                + " and notUsername(undefined)" + (passwordHistory > 0 ? " and passwordHistory(" + passwordHistory + ")" : "");
    }

    /** The settings by stable name (the message keys {@code policy.field.<name>}), in display order. */
    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("bruteForceFailureFactor", bruteForceFailureFactor);
        map.put("bruteForceWaitIncrementSeconds", bruteForceWaitIncrementSeconds);
        map.put("bruteForceMaxWaitSeconds", bruteForceMaxWaitSeconds);
        map.put("bruteForceMaxDeltaSeconds", bruteForceMaxDeltaSeconds);
        map.put("bruteForcePermanentLockout", bruteForcePermanentLockout);
        map.put("credentialMinLength", credentialMinLength);
        map.put("credentialMinClasses", credentialMinClasses);
        map.put("sessionTimeoutMinutes", sessionTimeoutMinutes);
        map.put("tlsRequired", tlsRequired);
        map.put("backupEveryHours", backupEveryHours);
        map.put("backupRetentionDays", backupRetentionDays);
        map.put("snapshotBeforeUpdate", snapshotBeforeUpdate);
        map.put("monitorCpuPercent", monitorCpuPercent);
        map.put("monitorDiskPercent", monitorDiskPercent);
        map.put("monitorMemoryPercent", monitorMemoryPercent);
        map.put("snapshotWindowHours", snapshotWindowHours);
        map.put("silenceMinutes", silenceMinutes);
        map.put("ddosMitigationHours", ddosMitigationHours);
        map.put("sessionMaxHours", sessionMaxHours);
        map.put("passwordMinLength", passwordMinLength);
        map.put("passwordHistory", passwordHistory);
        map.put("objectionDays", objectionDays);
        return map;
    }
}
