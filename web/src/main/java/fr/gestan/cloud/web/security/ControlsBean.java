package fr.gestan.cloud.web.security;

import fr.gestan.cloud.common.Paris;
import fr.gestan.cloud.security.api.ControlEvidenceException;
import fr.gestan.cloud.hosting.api.AgentEventView;
import fr.gestan.cloud.hosting.api.AgentEvents;
import fr.gestan.cloud.security.api.ServerControls;
import fr.gestan.cloud.security.api.ServerControls.ControlView;
import fr.gestan.cloud.security.api.ServerControls.EvidenceView;
import fr.gestan.cloud.web.i18n.Bundle;
import fr.gestan.cloud.web.i18n.Messages;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/** Controls and evidence of one server; support and administrators record evidence. */
@Named
@ViewScoped
public class ControlsBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    ServerControls controls;
    @EJB
    AgentEvents agentEvents;
    @Inject
    @Bundle("smsg")
    Messages messages;

    private String server;
    private List<ControlView> statuses = List.of();
    private List<EvidenceView> evidence = List.of();
    private List<AgentEventView> reported = List.of();
    private String kind = "BACKUP";
    private LocalDateTime when;
    private String snapshotRef;
    private String details;
    private long sizeBytes;
    private String targetDataCentre;
    private boolean verified;
    private String ruleSetSha256;

    public void show() {
        if (server == null || server.isBlank()) {
            statuses = List.of();
            evidence = List.of();
            reported = List.of();
            return;
        }
        statuses = controls.controlsOf(server);
        evidence = controls.evidenceOf(server, 100);
        reported = agentEvents.reportedFor(server, 0, 100);
    }

    /** Evidence the machines reported (agent API), apart from what staff declared. */
    public List<AgentEventView> getReported() {
        return reported;
    }

    /** "reported by the server" or "reported by <sub-processor>", from the reporter's name. */
    public String reporterLabel(String reporter) {
        return reporter.startsWith("server:") ? messages.text("controls.reportedBy.server")
                : messages.text("controls.reportedBy.subprocessor", reporter.substring(reporter.indexOf(':') + 1));
    }

    public void record() {
        Instant at = when == null ? Instant.now() : when.atZone(Paris.ZONE).toInstant();
        try {
            switch (kind) {
                case "SNAPSHOT" -> controls.recordSnapshot(server, snapshotRef, at);
                case "SOFTWARE_UPDATE" -> controls.recordSoftwareUpdate(server, snapshotRef, at, details);
                case "FIREWALL_CHANGE" -> controls.recordFirewallChange(server, at, details);
                case "DDOS_EVENT" -> controls.recordDdosEvent(server, at, details);
                default -> controls.recordBackup(server, at, sizeBytes, targetDataCentre, verified);
            }
            messages.info("controls.recorded");
            show();
        } catch (ControlEvidenceException e) {
            messages.error("controls.error.snapshot");
        }
    }

    /** Approves the rule set the server reported (or any SHA-256 staff computed with {@code nft list ruleset | sha256sum}). */
    public void approveRuleSet() {
        try {
            controls.approveFirewallRuleSet(server, ruleSetSha256 == null ? null : ruleSetSha256.strip());
            messages.info("controls.firewall.approved");
            ruleSetSha256 = null;
            show();
        } catch (EJBException e) {
            messages.fieldMessages("controls", e, Map.of());
        }
    }

    /** Who stands behind a piece of evidence: "declared by staff · name" or "reported by the server / by X". */
    public String sourceLabel(EvidenceView e) {
        return e.declared() ? messages.text("controls.declaredBy.staff") + " · " + e.recordedBy() : reporterLabel(e.recordedBy());
    }

    /** Whether a control's status rests on machine evidence, on declarations only, or on nothing. */
    public String controlSource(ControlView c) {
        return c.source() == null ? "" : messages.text("controls.source." + c.source());
    }

    public List<ControlView> getFailing() {
        return controls.failing();
    }

    public String getServer() { return server; }
    public void setServer(String server) { this.server = server; }
    public List<ControlView> getStatuses() { return statuses; }
    public List<EvidenceView> getEvidence() { return evidence; }
    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
    public LocalDateTime getWhen() { return when; }
    public void setWhen(LocalDateTime when) { this.when = when; }
    public String getSnapshotRef() { return snapshotRef; }
    public void setSnapshotRef(String snapshotRef) { this.snapshotRef = snapshotRef; }
    public String getDetails() { return details; }
    public void setDetails(String details) { this.details = details; }
    public long getSizeBytes() { return sizeBytes; }
    public void setSizeBytes(long sizeBytes) { this.sizeBytes = sizeBytes; }
    public String getTargetDataCentre() { return targetDataCentre; }
    public void setTargetDataCentre(String targetDataCentre) { this.targetDataCentre = targetDataCentre; }
    public boolean isVerified() { return verified; }
    public void setVerified(boolean verified) { this.verified = verified; }
    public String getRuleSetSha256() { return ruleSetSha256; }
    public void setRuleSetSha256(String ruleSetSha256) { this.ruleSetSha256 = ruleSetSha256; }
}
