package fr.gestan.cloud.web.security;

import fr.gestan.cloud.common.Paris;
import fr.gestan.cloud.security.api.PolicyException;
import fr.gestan.cloud.security.api.PolicySettings;
import fr.gestan.cloud.security.api.PolicyVersionView;
import fr.gestan.cloud.security.api.SecurityPolicies;
import fr.gestan.cloud.web.i18n.Bundle;
import fr.gestan.cloud.web.i18n.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The security policy page: the version in effect, the history of changes, and (administrators) a new version. */
@Named
@ViewScoped
public class PolicyBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    SecurityPolicies policies;
    @Inject
    @Bundle("smsg")
    Messages messages;

    private PolicyVersionView current;
    private List<PolicyVersionView> history;
    private final Form form = new Form();
    private LocalDateTime effectiveFrom;
    private String reason;

    @PostConstruct
    void load() {
        current = policies.current();
        history = policies.history(0, 50);
        form.fill(current.settings());
    }

    public void save() {
        try {
            PolicyVersionView saved = policies.change(form.toSettings(),
                    effectiveFrom == null ? null : effectiveFrom.atZone(Paris.ZONE).toInstant(), reason);
            messages.info("policy.saved", saved.version());
            reason = null;
            effectiveFrom = null;
            load();
        } catch (PolicyException e) {
            messages.error("policy.error." + e.reason());
        }
    }

    public List<Map.Entry<String, Object>> getCurrentSettings() {
        return new ArrayList<>(current.settings().asMap().entrySet());
    }

    public PolicyVersionView getCurrent() {
        return current;
    }

    public List<PolicyVersionView> getHistory() {
        return history;
    }

    public Form getForm() {
        return form;
    }

    public LocalDateTime getEffectiveFrom() {
        return effectiveFrom;
    }

    public void setEffectiveFrom(LocalDateTime effectiveFrom) {
        this.effectiveFrom = effectiveFrom;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    /** The editable settings (a record cannot be bound field by field). */
    public static class Form implements Serializable {

        private static final long serialVersionUID = 1L;

        private int failureFactor;
        private int waitIncrement;
        private int maxWait;
        private int maxDelta;
        private boolean permanentLockout;
        private int credentialLength;
        private int credentialClasses;
        private int sessionTimeout;
        private boolean tlsRequired;
        private int backupEvery;
        private int backupRetention;
        private boolean snapshotBeforeUpdate;
        private int cpu;
        private int disk;
        private int memory;
        private int snapshotWindow;
        private int silence;
        private int ddosMitigation;
        private int sessionMax;
        private int passwordLength;
        private int passwordHistory;
        private int objectionDays;

        void fill(PolicySettings s) {
            failureFactor = s.bruteForceFailureFactor();
            waitIncrement = s.bruteForceWaitIncrementSeconds();
            maxWait = s.bruteForceMaxWaitSeconds();
            maxDelta = s.bruteForceMaxDeltaSeconds();
            permanentLockout = s.bruteForcePermanentLockout();
            credentialLength = s.credentialMinLength();
            credentialClasses = s.credentialMinClasses();
            sessionTimeout = s.sessionTimeoutMinutes();
            tlsRequired = s.tlsRequired();
            backupEvery = s.backupEveryHours();
            backupRetention = s.backupRetentionDays();
            snapshotBeforeUpdate = s.snapshotBeforeUpdate();
            cpu = s.monitorCpuPercent();
            disk = s.monitorDiskPercent();
            memory = s.monitorMemoryPercent();
            snapshotWindow = s.snapshotWindowHours();
            silence = s.silenceMinutes();
            ddosMitigation = s.ddosMitigationHours();
            sessionMax = s.sessionMaxHours();
            passwordLength = s.passwordMinLength();
            passwordHistory = s.passwordHistory();
            objectionDays = s.objectionDays();
        }

        PolicySettings toSettings() {
            return new PolicySettings(failureFactor, waitIncrement, maxWait, maxDelta, permanentLockout, credentialLength,
                    credentialClasses, sessionTimeout, tlsRequired, backupEvery, backupRetention, snapshotBeforeUpdate, cpu, disk,
                    memory, snapshotWindow, silence, ddosMitigation, sessionMax, passwordLength, passwordHistory, objectionDays);
        }

        public int getFailureFactor() { return failureFactor; }
        public void setFailureFactor(int v) { failureFactor = v; }
        public int getWaitIncrement() { return waitIncrement; }
        public void setWaitIncrement(int v) { waitIncrement = v; }
        public int getMaxWait() { return maxWait; }
        public void setMaxWait(int v) { maxWait = v; }
        public int getMaxDelta() { return maxDelta; }
        public void setMaxDelta(int v) { maxDelta = v; }
        public boolean isPermanentLockout() { return permanentLockout; }
        public void setPermanentLockout(boolean v) { permanentLockout = v; }
        public int getCredentialLength() { return credentialLength; }
        public void setCredentialLength(int v) { credentialLength = v; }
        public int getCredentialClasses() { return credentialClasses; }
        public void setCredentialClasses(int v) { credentialClasses = v; }
        public int getSessionMax() { return sessionMax; }
        public void setSessionMax(int v) { sessionMax = v; }
        public int getPasswordLength() { return passwordLength; }
        public void setPasswordLength(int v) { passwordLength = v; }
        public int getPasswordHistory() { return passwordHistory; }
        public void setPasswordHistory(int v) { passwordHistory = v; }
        public int getSessionTimeout() { return sessionTimeout; }
        public void setSessionTimeout(int v) { sessionTimeout = v; }
        public boolean isTlsRequired() { return tlsRequired; }
        public void setTlsRequired(boolean v) { tlsRequired = v; }
        public int getBackupEvery() { return backupEvery; }
        public void setBackupEvery(int v) { backupEvery = v; }
        public int getBackupRetention() { return backupRetention; }
        public void setBackupRetention(int v) { backupRetention = v; }
        public boolean isSnapshotBeforeUpdate() { return snapshotBeforeUpdate; }
        public void setSnapshotBeforeUpdate(boolean v) { snapshotBeforeUpdate = v; }
        public int getCpu() { return cpu; }
        public void setCpu(int v) { cpu = v; }
        public int getDisk() { return disk; }
        public void setDisk(int v) { disk = v; }
        public int getMemory() { return memory; }
        public void setMemory(int v) { memory = v; }
        public int getSnapshotWindow() { return snapshotWindow; }
        public void setSnapshotWindow(int v) { snapshotWindow = v; }
        public int getSilence() { return silence; }
        public void setSilence(int v) { silence = v; }
        public int getDdosMitigation() { return ddosMitigation; }
        public void setDdosMitigation(int v) { ddosMitigation = v; }
        public int getObjectionDays() { return objectionDays; }
        public void setObjectionDays(int v) { objectionDays = v; }
    }
}
