package fr.gestan.cloud.tenants.internal;

import fr.gestan.cloud.common.Roles;
import fr.gestan.cloud.common.lease.OnEveryNode;
import fr.gestan.cloud.common.lease.ClusterOnce;
import fr.gestan.cloud.common.lease.OncePerCluster;
import jakarta.interceptor.Interceptors;
import fr.gestan.cloud.security.api.JournalIntegrity;
import fr.gestan.cloud.tenants.api.ChangeRequestView;
import fr.gestan.cloud.tenants.api.Contact;
import fr.gestan.cloud.tenants.api.ExportCsv;
import fr.gestan.cloud.tenants.api.HostedAccountView;
import fr.gestan.cloud.tenants.api.TenantDetails;
import fr.gestan.cloud.tenants.api.TenantExportContributor;
import fr.gestan.cloud.tenants.api.TenantRecord;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Builds export ZIPs in the background, streaming every part to a file (memory stays bounded whatever the size),
 * with a {@code MANIFEST} listing each file's SHA-256 ({@code sha256sum} format). The tenants module writes its
 * own files at the root; every {@link TenantExportContributor} of the application (other modules' local EJBs,
 * found at run time) writes under its folder. The ZIP is written to {@code <id>.part} and renamed when complete:
 * a failure leaves no file behind, and the export is marked failed with the name of the part that failed.
 */
@Stateless
@RolesAllowed({Roles.CLIENT, Roles.SUPPORT, Roles.ADMIN})
@Interceptors(ClusterOnce.class)
public class ExportWorker {

    private static final Logger LOG = Logger.getLogger(ExportWorker.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Progress is committed at most this often while files stream (each update is a short transaction). */
    private static final long PROGRESS_EVERY_MS = 1000;
    /** A running export's heartbeat is refreshed this often (timer below); one silent for STALE_SECONDS is dead. */
    static final int HEARTBEAT_SECONDS = 15;
    static final int STALE_SECONDS = 45;
    /** The exports this server is building now: only these get heartbeats. */
    private static final java.util.Set<Long> RUNNING_HERE = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @EJB
    ExportStore store;

    @EJB
    JournalIntegrity journalIntegrity;

    /** Every module's share of the export: local EJBs of the other EJB jars of the EAR, resolved by CDI. */
    @Inject
    @Any
    Instance<TenantExportContributor> contributors;

    /** Runs with the requester's identity (the journal export and the contributors check it). */
    @Asynchronous
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void build(long exportId) {
        Path dir = ExportStore.directory();
        Path part = dir.resolve(ExportStore.partName(exportId));
        Stage stage = new Stage();
        RUNNING_HERE.add(exportId);
        try {
            ExportStore.createOwnerOnly(part);
            ExportStore.Snapshot data = store.snapshot(exportId);
            MessageDigest whole = ExportZip.sha256();
            Progress progress = new Progress(percent -> store.progress(exportId, percent), System::currentTimeMillis);
            try (OutputStream fileOut = new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(part), 1 << 16), whole);
                 ExportZip zip = new ExportZip(fileOut, (name, bytes, files) -> progress.fileAdded())) {
                writeOwn(zip, data, progress, stage);
                List<Instance.Handle<TenantExportContributor>> all = contributorHandles();
                try {
                    for (int i = 0; i < all.size(); i++) {
                        TenantExportContributor contributor = all.get(i).get();
                        stage.name = contributor.folder();
                        progress.range(40 + 55 * i / all.size(), 40 + 55 * (i + 1) / all.size());
                        contributor.contribute(data.tenant().siren(), zip.folder(contributor.folder()));
                    }
                } finally {
                    // Dependent references obtained from Instance are released, or this pooled worker would keep them.
                    all.forEach(Instance.Handle::destroy);
                }
                stage.name = ExportZip.MANIFEST;
                zip.finish();
            }
            byte[] random = new byte[12];
            RANDOM.nextBytes(random);
            String name = exportId + "-" + HexFormat.of().formatHex(random) + ".zip";
            Path file = dir.resolve(name);
            Files.move(part, file, StandardCopyOption.ATOMIC_MOVE);
            store.ready(exportId, name, Files.size(file), HexFormat.of().formatHex(whole.digest()));
        } catch (Exception e) {
            LOG.log(Level.WARNING, "Export " + exportId + " failed at " + stage.name, e);
            try {
                Files.deleteIfExists(part);
            } catch (IOException ignored) {
                // the expiry job removes it
            }
            store.failed(exportId, stage.name);
        } finally {
            RUNNING_HERE.remove(exportId);
        }
    }

    /**
     * Every {@value #HEARTBEAT_SECONDS} s, on every node: refreshes the heartbeat of the exports built here, and marks
     * failed those whose heartbeat stopped {@value #STALE_SECONDS} s ago (their server crashed or was stopped
     * mid-way), removing their part files: within a minute of a restart the client sees "interrupted, start it
     * again" instead of an export "in progress" for a day.
     */
    @Schedule(hour = "*", minute = "*", second = "*/15", persistent = false, info = "export-heartbeat")
    @OnEveryNode(why = "each node beats for the exports it builds itself; marking a silent export failed is a conditional "
            + "update that a second node finds already done")
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void heartbeat() {
        try {
            store.beat(java.util.List.copyOf(RUNNING_HERE));
            for (long id : store.failInterrupted(java.time.Instant.now().minusSeconds(STALE_SECONDS))) {
                if (!RUNNING_HERE.contains(id)) {
                    Files.deleteIfExists(ExportStore.directory().resolve(ExportStore.partName(id)));
                    LOG.info("Export " + id + " was cut short (its server stopped): marked failed, part file removed");
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Could not check running exports; the next run retries", e);
        }
    }

    /** The contributors, sorted by folder (a stable ZIP layout). */
    private List<Instance.Handle<TenantExportContributor>> contributorHandles() {
        List<Instance.Handle<TenantExportContributor>> all = new ArrayList<>();
        contributors.handles().forEach(all::add);
        all.sort(Comparator.comparing(h -> h.get().folder()));
        return all;
    }

    /** The part being written, for the failure message. */
    private static final class Stage {
        String name = "company";
    }

    /**
     * Commits progress at most once a second ({@value #PROGRESS_EVERY_MS} ms), counted from the start: each commit is
     * a short transaction (the row read, updated, committed), and a tenant's export of a few hundred kilobytes is
     * built in well under a second, so it commits none and the page shows it ready (docs/performance.md 4.57: six
     * commits per build before, one for each part started). Within a range each file moves it a little closer to its end.
     */
    static final class Progress {
        private final java.util.function.IntConsumer store;
        private final java.util.function.LongSupplier clock;
        private int from;
        private int to;
        private double current;
        private long lastCommit;

        Progress(java.util.function.IntConsumer store, java.util.function.LongSupplier clock) {
            this.store = store;
            this.clock = clock;
            this.lastCommit = clock.getAsLong(); // the row was created at 0 % a moment ago
        }

        void range(int from, int to) {
            this.from = from;
            this.to = to;
            this.current = from;
            commitIfDue(from);
        }

        void fileAdded() {
            current = current + (to - current) / 8; // approaches the end of the range, reaches it with the next part
            commitIfDue((int) current);
        }

        private void commitIfDue(int percent) {
            long now = clock.getAsLong();
            if (now - lastCommit >= PROGRESS_EVERY_MS) {
                lastCommit = now;
                store.accept(Math.max(from, percent));
            }
        }
    }

    private void writeOwn(ExportZip zip, ExportStore.Snapshot data, Progress progress, Stage stage) throws IOException {
        TenantRecord tenant = data.tenant();
        progress.range(0, 15);
        try (Jsonb json = JsonbBuilder.create(new JsonbConfig().withFormatting(true))) {
            zip.text("company.json", w -> w.write(json.toJson(tenant)));
            zip.text("company.csv", w -> companyCsv(w, tenant));
            zip.text("contacts.csv", w -> contactsCsv(w, tenant.details()));
            stage.name = "accounts";
            progress.range(15, 25);
            zip.text("accounts.json", w -> w.write(json.toJson(data.accounts())));
            zip.text("accounts.csv", w -> accountsCsv(w, data.accounts()));
            stage.name = "change-requests";
            zip.text("change-requests.json", w -> w.write(json.toJson(data.changeRequests())));
            zip.text("change-requests.csv", w -> changeRequestsCsv(w, data.changeRequests()));
            // The journal's own export format: the tenant's entries in full, the chain around them as digests,
            // verifiable offline with the journal verifier and public key.
            stage.name = "access-journal";
            progress.range(25, 40);
            zip.text("access-journal.tsv", w -> journalIntegrity.exportTenant(tenant.siren(), w));
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    static void companyCsv(Writer w, TenantRecord t) throws IOException {
        TenantDetails d = t.details();
        csv(w, "legal_name", "siren", "siret", "vat_number", "address_line1", "address_line2", "postal_code", "city",
                "country", "state", "created_at", "data_kinds");
        csv(w, d.legalName(), d.siren(), d.siret(), d.vatNumber(),
                d.address() == null ? null : d.address().line1(), d.address() == null ? null : d.address().line2(),
                d.address() == null ? null : d.address().postalCode(), d.address() == null ? null : d.address().city(),
                d.address() == null ? null : d.address().countryCode(), t.state().name(), String.valueOf(t.createdAt()),
                String.join(" ", d.dataKinds().stream().map(Enum::name).sorted().toList()));
    }

    static void contactsCsv(Writer w, TenantDetails d) throws IOException {
        csv(w, "kind", "name", "email", "phone");
        contact(w, "administrative", d.administrative());
        contact(w, "billing", d.billing());
        contact(w, "technical", d.technical());
    }

    private static void contact(Writer w, String kind, Contact c) throws IOException {
        if (c != null) {
            csv(w, kind, c.name(), c.email(), c.phone());
        }
    }

    static void accountsCsv(Writer w, List<HostedAccountView> accounts) throws IOException {
        csv(w, "login", "holder", "created_at", "secret_issued_at", "secret_expires_on", "must_change", "changed_at", "reset_requested_at");
        for (HostedAccountView a : accounts) {
            csv(w, a.login(), a.holderName(), str(a.createdAt()), str(a.secretIssuedAt()), str(a.secretExpiresOn()),
                    String.valueOf(a.mustChange()), str(a.changedAt()), str(a.resetRequestedAt()));
        }
    }

    static void changeRequestsCsv(Writer w, List<ChangeRequestView> requests) throws IOException {
        csv(w, "requested_at", "requested_by", "text", "closed_at", "closed_by", "resolution");
        for (ChangeRequestView r : requests) {
            csv(w, str(r.requestedAt()), r.requestedBy(), r.text(), str(r.closedAt()), r.closedBy(), r.resolution());
        }
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    /** One CSV line (see {@link ExportCsv}). */
    static void csv(Writer w, String... cells) throws IOException {
        ExportCsv.line(w, (Object[]) cells);
    }

    /** Removes expired exports and their files, every quarter of an hour. */
    @Schedule(hour = "*", minute = "*/15", persistent = false, info = "export-expiry")
    @OncePerCluster(lease = "export-expiry", holdSeconds = 2700) // three rounds: the holder keeps it while it lives
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void expire() {
        try {
            for (String name : store.removeExpired()) {
                Files.deleteIfExists(ExportStore.directory().resolve(name));
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Could not remove expired exports; the next run retries", e);
        }
    }
}
