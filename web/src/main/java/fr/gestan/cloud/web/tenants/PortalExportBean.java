package fr.gestan.cloud.web.tenants;

import fr.gestan.cloud.tenants.api.DataExports;
import fr.gestan.cloud.tenants.api.ExportView;
import fr.gestan.cloud.tenants.api.TenantNotFoundException;
import fr.gestan.cloud.web.i18n.Bundle;
import fr.gestan.cloud.web.i18n.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;

/**
 * "Export my data": the signed-in client's recent exports (the service's bounded list, newest first) and the button
 * that starts one. It reads nothing else: the company, its change requests and logins are other pages'
 * ({@link PortalCompanyBean}). Starting an export puts the started one at the head of the list without reading the
 * list again; the poll refreshes it while an export runs.
 */
@Named
@ViewScoped
public class PortalExportBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    DataExports exports;
    @Inject
    @Bundle("tmsg")
    Messages messages;

    private List<ExportView> exportList = List.of();
    /** The poll's clock; a test may pin it. Declared by its interface: the view travels with the session, and the clocks
     * it holds ({@code Clock.systemUTC()}, a test's fixed one) are serialisable where {@code Clock} itself is not. */
    InstantSource clock = Clock.systemUTC();

    @PostConstruct
    void load() {
        refreshExports();
    }

    public void startExport() {
        try {
            exportList = withStarted(exports.startMine(), exportList);
        } catch (TenantNotFoundException e) {
            messages.error("tenant.notFound");
        }
    }

    /** Polled while an export runs. */
    public void refreshExports() {
        try {
            exportList = exports.mine();
        } catch (TenantNotFoundException e) {
            exportList = List.of();
        }
    }

    /** The list after {@code started}: it first, then the others (no more than the service's {@link DataExports#RECENT}). */
    static List<ExportView> withStarted(ExportView started, List<ExportView> shown) {
        List<ExportView> list = new ArrayList<>(shown.size() + 1);
        list.add(started);
        shown.stream().filter(e -> e.id() != started.id()).limit(DataExports.RECENT - 1L).forEach(list::add);
        return List.copyOf(list);
    }

    public boolean isExportRunning() {
        return exportList.stream().anyMatch(ExportView::running);
    }

    /**
     * The poll's interval while an export runs: every second while the newest running export is young (a small
     * company's export is ready in a second or two), then less often, up to every {@value #POLL_MAX_SECONDS} s: a large
     * export running a minute polled 60 times, each a request and a read of the list, for a bar that moves once a second.
     */
    public int getPollSeconds() {
        return pollSeconds(exportList, clock.instant());
    }

    static final int POLL_MAX_SECONDS = 5;

    static int pollSeconds(List<ExportView> exports, Instant now) {
        long age = exports.stream().filter(ExportView::running).map(ExportView::requestedAt)
                .mapToLong(at -> Duration.between(at, now).toSeconds()).min().orElse(0);
        return (int) Math.max(1, Math.min(age / 5, POLL_MAX_SECONDS));
    }

    public List<ExportView> getExportList() {
        return exportList;
    }
}
