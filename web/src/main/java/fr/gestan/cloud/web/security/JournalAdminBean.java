package fr.gestan.cloud.web.security;

import fr.gestan.cloud.web.layout.DatabasePages;
import fr.gestan.cloud.security.api.CheckpointView;
import fr.gestan.cloud.security.api.JournalEntryView;
import fr.gestan.cloud.security.api.JournalIntegrity;
import fr.gestan.cloud.security.api.JournalQuery;
import fr.gestan.cloud.security.api.JournalVerifier;
import fr.gestan.cloud.security.api.VerificationProgress;
import fr.gestan.cloud.security.api.VerificationRunView;
import fr.gestan.cloud.web.i18n.Bundle;
import fr.gestan.cloud.web.i18n.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** The back-office journal page (auditors and administrators): entries, checkpoints, verification with progress. */
@Named
@ViewScoped
public class JournalAdminBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    JournalQuery journal;
    @EJB
    JournalIntegrity integrity;
    @Inject
    @Bundle("smsg")
    Messages messages;

    private transient VerificationProgress progress;
    private CheckpointView latestCheckpoint;
    private VerificationRunView storedRun;
    private final LazyDataModel<JournalEntryView> entries = new DatabasePages<>(
            () -> journal.count(), (first, size, sort) -> journal.page(first, size), entry -> Long.toString(entry.id()), 500);

    @PostConstruct
    void load() {
        latestCheckpoint = integrity.latestCheckpoint().orElse(null);
        refresh();
    }

    /** Re-reads the stored last run (the poll calls it): it may run on another node, or have been cut short. */
    public void refresh() {
        storedRun = integrity.lastVerification().orElse(null);
    }

    public void verify() {
        progress = new VerificationProgress();
        integrity.verifyInBackground(progress);
    }

    public void checkpoint() {
        latestCheckpoint = integrity.checkpointNow().orElse(null);
        messages.info(latestCheckpoint == null ? "journal.checkpoint.none" : "journal.checkpoint.done");
    }

    public boolean isRunning() {
        return progress != null ? progress.result() == null : storedRun != null && storedRun.running();
    }

    /** The stored last run, shown when this page has not started one. */
    public VerificationRunView getStoredRun() {
        return progress == null ? storedRun : null;
    }

    public int getPercent() {
        return progress == null ? 0 : progress.percent();
    }

    public long getChecked() {
        return progress == null ? 0 : progress.checked();
    }

    public long getTotal() {
        return progress == null ? 0 : progress.total();
    }

    public JournalVerifier.Result getResult() {
        return progress == null ? null : progress.result();
    }

    public CheckpointView getLatestCheckpoint() {
        return latestCheckpoint;
    }

    public LazyDataModel<JournalEntryView> getEntries() {
        return entries;
    }

}
