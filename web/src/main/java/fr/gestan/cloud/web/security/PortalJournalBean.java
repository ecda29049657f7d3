package fr.gestan.cloud.web.security;

import fr.gestan.cloud.web.layout.DatabasePages;
import fr.gestan.cloud.web.layout.PageMemo;
import fr.gestan.cloud.security.api.CheckpointView;
import fr.gestan.cloud.security.api.JournalEntryView;
import fr.gestan.cloud.security.api.JournalPage;
import fr.gestan.cloud.security.api.InclusionProofView;
import fr.gestan.cloud.security.api.JournalIntegrity;
import fr.gestan.cloud.security.api.JournalProofs;
import fr.gestan.cloud.security.api.JournalQuery;
import fr.gestan.cloud.tenants.api.TenantNotFoundException;
import fr.gestan.cloud.tenants.api.TenantService;
import fr.gestan.cloud.web.i18n.Bundle;
import fr.gestan.cloud.web.i18n.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The client's view of its company's journal entries (each with its log position, the checkpoint that includes it
 * and its inclusion proof one click away) and of the latest signed checkpoint; the page runs the published
 * consistency script ({@link #SCRIPT}, loaded with its SHA-256 as Subresource Integrity) against the checkpoint this
 * browser kept.
 */
@Named
@ViewScoped
public class PortalJournalBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    JournalQuery journal;
    @EJB
    JournalIntegrity integrity;
    @EJB
    TenantService tenants;
    @EJB
    JournalProofs proofs;
    @Inject
    @Bundle("smsg")
    Messages messages;

    /** The published consistency script (versioned: a change is a new file), under the web application's root. */
    public static final String SCRIPT = "/journal/journal-consistency-v3.js";
    private static volatile byte[] scriptSha256;

    private String tenant;
    private CheckpointView latestCheckpoint;
    private String verifierKey;
    private String verifierKeys;
    private InclusionProofView proof;
    /** The latest page of entries read with the company's count: the table's count and load in one statement. */
    private final PageMemo<JournalPage> pages = new PageMemo<>(
            (first, size) -> tenant == null ? JournalPage.EMPTY : journal.pageOfTenant(tenant, first, size), 25);
    private final LazyDataModel<JournalEntryView> entries = new DatabasePages<>(() -> pages.latest().total(),
            (first, size, sort) -> pages.get(first, size).rows(), entry -> Long.toString(entry.id()), 500);

    @PostConstruct
    void load() {
        try {
            tenant = tenants.myCompany().siren();
        } catch (TenantNotFoundException e) {
            messages.error("portal.journal.noCompany");
        }
        latestCheckpoint = integrity.latestCheckpoint().orElse(null);
        verifierKey = proofs.verifierKey();
        verifierKeys = proofs.keySet();
    }

    /** Shows the inclusion proof of one of the company's entries in the newest checkpoint. */
    public void showProof(long entryId) {
        proof = proofs.inclusion(entryId).orElse(null);
        if (proof == null) {
            messages.warn("portal.journal.proof.none");
        }
    }

    public InclusionProofView getProof() {
        return proof;
    }

    /** Whether the newest checkpoint covers this log position. */
    public boolean included(Long position) {
        return position != null && latestCheckpoint != null && position < latestCheckpoint.seq();
    }

    public String getVerifierKey() {
        return verifierKey;
    }

    /** The published checkpoint key set (every key with its period), which the consistency script checks against. */
    public String getVerifierKeys() {
        return verifierKeys;
    }

    public String getScriptPath() {
        return SCRIPT;
    }

    public String getScriptSha256() {
        return HexFormat.of().formatHex(scriptSha256());
    }

    /** The script's Subresource Integrity value: the browser refuses to run any other bytes. */
    public String getScriptIntegrity() {
        return "sha256-" + Base64.getEncoder().encodeToString(scriptSha256());
    }

    private static byte[] scriptSha256() {
        byte[] hash = scriptSha256;
        if (hash == null) {
            InputStream script = jakarta.faces.context.FacesContext.getCurrentInstance().getExternalContext().getResourceAsStream(SCRIPT);
            if (script == null) {
                throw new IllegalStateException("the journal consistency script " + SCRIPT + " is missing");
            }
            try (InputStream in = script) {
                hash = MessageDigest.getInstance("SHA-256").digest(in.readAllBytes());
            } catch (IOException | NoSuchAlgorithmException e) {
                throw new IllegalStateException("the journal consistency script " + SCRIPT + " cannot be read", e);
            }
            scriptSha256 = hash;
        }
        return hash.clone();
    }

    public boolean isAvailable() {
        return tenant != null;
    }

    public CheckpointView getLatestCheckpoint() {
        return latestCheckpoint;
    }

    public LazyDataModel<JournalEntryView> getEntries() {
        return entries;
    }

}
