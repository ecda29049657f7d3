package fr.gestan.cloud.tenants.internal;

import fr.gestan.cloud.common.Roles;
import fr.gestan.cloud.security.api.JournalIntegrity;
import fr.gestan.cloud.tenants.api.ChangeRequestView;
import fr.gestan.cloud.tenants.api.Contact;
import fr.gestan.cloud.tenants.api.HostedAccountView;
import fr.gestan.cloud.tenants.api.TenantDetails;
import fr.gestan.cloud.tenants.api.TenantRecord;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Builds export ZIPs in the background, streaming every part to a file (memory stays bounded whatever the size),
 * with a {@code MANIFEST} listing each file's SHA-256 ({@code sha256sum} format).
 */
@Stateless
@RolesAllowed({Roles.CLIENT, Roles.SUPPORT, Roles.ADMIN})
public class ExportWorker {

    private static final Logger LOG = Logger.getLogger(ExportWorker.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    @EJB
    ExportStore store;

    @EJB
    JournalIntegrity journalIntegrity;

    /** Runs with the requester's identity (the journal export checks it). */
    @Asynchronous
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void build(long exportId) {
        Path dir = ExportStore.directory();
        Path file = null;
        try {
            Files.createDirectories(dir);
            byte[] random = new byte[12];
            RANDOM.nextBytes(random);
            String name = exportId + "-" + HexFormat.of().formatHex(random) + ".zip";
            file = dir.resolve(name);
            ExportStore.Snapshot data = store.snapshot(exportId);
            MessageDigest whole = sha256();
            try (OutputStream fileOut = new DigestOutputStream(Files.newOutputStream(file), whole);
                 ZipOutputStream zip = new ZipOutputStream(fileOut, StandardCharsets.UTF_8)) {
                write(exportId, zip, data);
            }
            store.ready(exportId, name, Files.size(file), HexFormat.of().formatHex(whole.digest()));
        } catch (Exception e) {
            LOG.log(Level.WARNING, "Export " + exportId + " failed", e);
            store.failed(exportId);
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // the expiry job removes it
                }
            }
        }
    }

    private void write(long exportId, ZipOutputStream zip, ExportStore.Snapshot data) throws IOException {
        TenantRecord tenant = data.tenant();
        Map<String, String> manifest = new LinkedHashMap<>();
        try (Jsonb json = JsonbBuilder.create(new JsonbConfig().withFormatting(true))) {
            entry(zip, manifest, "company.json", w -> w.write(json.toJson(tenant)));
            entry(zip, manifest, "company.csv", w -> companyCsv(w, tenant));
            store.progress(exportId, 15);
            entry(zip, manifest, "contacts.csv", w -> contactsCsv(w, tenant.details()));
            entry(zip, manifest, "accounts.json", w -> w.write(json.toJson(data.accounts())));
            entry(zip, manifest, "accounts.csv", w -> accountsCsv(w, data.accounts()));
            store.progress(exportId, 35);
            entry(zip, manifest, "change-requests.json", w -> w.write(json.toJson(data.changeRequests())));
            entry(zip, manifest, "change-requests.csv", w -> changeRequestsCsv(w, data.changeRequests()));
            store.progress(exportId, 50);
            // The journal's own export format: the tenant's entries in full, the chain around them as digests,
            // verifiable offline with the journal verifier and public key.
            entry(zip, manifest, "access-journal.tsv", w -> journalIntegrity.exportTenant(tenant.siren(), w));
            store.progress(exportId, 90);
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
        StringBuilder lines = new StringBuilder();
        manifest.forEach((name, digest) -> lines.append(digest).append("  ").append(name).append('\n'));
        zip.putNextEntry(new ZipEntry("MANIFEST"));
        zip.write(lines.toString().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    @FunctionalInterface
    interface Part {
        void write(Writer out) throws IOException;
    }

    private static void entry(ZipOutputStream zip, Map<String, String> manifest, String name, Part part) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        MessageDigest digest = sha256();
        // Neither the writer nor the digest stream may close the ZIP: only the entry ends here.
        OutputStream keepOpen = new FilterOutputStream(zip) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
        try (Writer writer = new OutputStreamWriter(new DigestOutputStream(keepOpen, digest), StandardCharsets.UTF_8)) {
            part.write(writer);
        }
        zip.closeEntry();
        manifest.put(name, HexFormat.of().formatHex(digest.digest()));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
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

    /** One CSV line (RFC 4180; cells that a spreadsheet would run as formulas are prefixed with a quote). */
    static void csv(Writer w, String... cells) throws IOException {
        List<String> out = new ArrayList<>();
        for (String cell : cells) {
            String c = cell == null ? "" : cell;
            if (!c.isEmpty() && "=+-@".indexOf(c.charAt(0)) >= 0 && !c.matches("[+-]?[0-9 .]+")) {
                c = "'" + c;
            }
            if (c.contains(",") || c.contains("\"") || c.contains("\n") || c.contains("\r")) {
                c = "\"" + c.replace("\"", "\"\"") + "\"";
            }
            out.add(c);
        }
        w.write(String.join(",", out));
        w.write("\r\n");
    }

    /** Removes expired exports and their files, every quarter of an hour. */
    @Schedule(hour = "*", minute = "*/15", persistent = false, info = "export-expiry")
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
