package fr.gestan.cloud.compliance.internal;

import fr.gestan.cloud.security.api.JournalIntegrity;
import fr.gestan.cloud.hosting.api.HostingRefusedException;
import fr.gestan.cloud.hosting.api.RecoveryPlans;
import fr.gestan.cloud.hosting.api.RecoveryPlanView;
import fr.gestan.cloud.hosting.api.ServerAvailabilityView;
import fr.gestan.cloud.hosting.api.ServerStatus;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import fr.gestan.cloud.security.api.CheckpointView;
import java.util.Optional;
import fr.gestan.cloud.common.Roles;
import fr.gestan.cloud.compliance.internal.documents.AgreementAcceptance;
import fr.gestan.cloud.compliance.internal.documents.AgreementTexts;
import fr.gestan.cloud.compliance.internal.documents.ProcessingCoverage;
import fr.gestan.cloud.compliance.internal.rules.TenantFacts;
import fr.gestan.cloud.security.api.PolicySettings;
import fr.gestan.cloud.security.api.TransportSecurity;
import fr.gestan.cloud.security.api.TransportSecurity.RunningTransport;
import fr.gestan.cloud.security.api.PolicyVersionView;
import fr.gestan.cloud.tenants.api.HostedDataKind;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.Set;
import fr.gestan.cloud.hosting.api.ContractStatus;
import fr.gestan.cloud.hosting.api.ContractView;
import fr.gestan.cloud.hosting.api.DataCentreView;
import fr.gestan.cloud.hosting.api.HostingContracts;
import fr.gestan.cloud.hosting.api.HostingInventory;
import fr.gestan.cloud.hosting.api.OperatorView;
import fr.gestan.cloud.hosting.api.SubProcessorRole;
import fr.gestan.cloud.hosting.api.SubProcessorView;
import fr.gestan.cloud.hosting.api.SubProcessors;
import fr.gestan.cloud.security.api.ConfidentialityAgreements;
import fr.gestan.cloud.security.api.SecurityPolicies;
import fr.gestan.cloud.security.api.ServerControls;
import fr.gestan.cloud.security.api.StaffMemberView;
import fr.gestan.cloud.tenants.api.TenantNotFoundException;
import fr.gestan.cloud.tenants.api.TenantRecord;
import fr.gestan.cloud.tenants.api.TenantService;
import fr.gestan.cloud.tenants.api.TenantView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.EJB;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one reader of the facts that rules, certificates and documents are written from: the rules' inputs
 * ({@link #facts}), a certificate's statements ({@link #certificate}) and the documents' inputs ({@link #documents}),
 * from one read of the tenant and its contracts, with the reference data ({@link Shared}) read once per batch page.
 * It reads the tenants, hosting and security modules' public APIs, as an auditor (read-only
 * role) so that a client's own evaluation sees the inventory and staff data it may not read itself. The GDPR
 * evidence (art. 28 acceptances, art. 30 record) is this module's own: an acceptance counts only when it is of the
 * agreement's current version (the SHA-256 of the text the live data give today).
 */
@Stateless
@LocalBean
@RunAs(Roles.AUDITOR)
@RolesAllowed({Roles.CLIENT, Roles.SUPPORT, Roles.ADMIN, Roles.AUDITOR})
public class ComplianceFactsReader {

    static final int MAX_CONTRACTS = 500;

    @EJB
    TenantService tenants;
    @EJB
    HostingContracts contracts;
    @EJB
    HostingInventory inventory;
    @EJB
    ServerControls controls;
    @EJB
    SecurityPolicies policies;
    @EJB
    ConfidentialityAgreements agreements;
    @EJB
    RecoveryPlans recovery;
    @EJB
    JournalIntegrity journal;
    @EJB
    SubProcessors subProcessorList;
    @EJB
    ServerStatus serverStatus;

    /**
     * The reference data shared by every tenant, read once per evaluation batch or batch page. {@code plans}
     * memoises the recovery plan of each production server as it is first needed (empty when it cannot be read), and
     * {@code controls} the controls of each production server (its evidence), read once per batch page, not per tenant;
     * {@code checkpoint} the journal's pinned checkpoint that the page's certificates print, signed when the first of
     * them is issued (signing one per certificate drained the journal's sequencer and committed three times each, and
     * serialised the batch on the journal's lock).
     */
    public record Shared(LocalDate on, Map<String, DataCentreView> dataCentres,
                  Map<String, OperatorView> operators, Integer backupRetentionDays, List<TenantFacts.StaffFacts> staff,
                  PolicySettings policy, int policyVersion, int tenantDataRetentionDays,
                  Map<Long, Optional<RecoveryPlanView>> plans, List<SubProcessorView> subProcessors, RunningTransport transport,
                  Map<String, List<TenantFacts.Control>> controls, Map<Long, ServerAvailabilityView> availability,
                  AtomicReference<CheckpointView> checkpoint) {

        /**
         * The same reference data for the next batch page: the recovery plans and availability figures read so far
         * (printed, not rule inputs) kept; the servers' controls (rule evidence) and the journal checkpoint read again.
         */
        Shared nextPage() {
            return new Shared(on, dataCentres, operators, backupRetentionDays, staff, policy, policyVersion, tenantDataRetentionDays,
                    plans, subProcessors, transport, new ConcurrentHashMap<>(), availability, new AtomicReference<>());
        }

        /** Whether {@code fresh} (just read, nothing memoised) holds the same reference data as this. */
        boolean sameReference(Shared fresh) {
            return on.equals(fresh.on) && dataCentres.equals(fresh.dataCentres) && operators.equals(fresh.operators)
                    && java.util.Objects.equals(backupRetentionDays, fresh.backupRetentionDays) && staff.equals(fresh.staff)
                    && java.util.Objects.equals(policy, fresh.policy) && policyVersion == fresh.policyVersion
                    && tenantDataRetentionDays == fresh.tenantDataRetentionDays && subProcessors.equals(fresh.subProcessors)
                    && java.util.Objects.equals(transport, fresh.transport);
        }

        /** The sub-processors in effect that serve one of these data centres (those without data centres serve all). */
        List<SubProcessorView> serving(String... dataCentres) {
            return subProcessors.stream().filter(s -> java.util.Arrays.stream(dataCentres)
                    .anyMatch(dc -> dc != null && s.serves(dc))).toList();
        }
    }

    /** A tenant's record and its contracts not terminated, with the shared data: what its documents are written from. */
    public record TenantDocuments(TenantRecord tenant, List<ContractView> contracts, Shared shared) {

        /** The inputs of each contract's processor agreement. */
        public List<AgreementTexts.Inputs> agreements() {
            return contracts.stream().map(this::agreement).toList();
        }

        /** The inputs of one contract's processor agreement. */
        AgreementTexts.Inputs agreement(ContractView c) {
            return new AgreementTexts.Inputs(tenant, c, subProcessors(c, shared), shared.policy(), shared.tenantDataRetentionDays(),
                    shared.transport());
        }
    }

    @PersistenceContext(unitName = "compliance")
    EntityManager em;

    // running() is @PermitAll: the transport configuration of this node, as the web module reported it at start
    @EJB
    TransportSecurity transport;

    public Shared shared(LocalDate on) {
        // No list of every server: no rule reads it (it cost 2 statements and every server's load per evaluation).
        Map<String, DataCentreView> dcs = inventory.dataCentres().stream().collect(Collectors.toMap(DataCentreView::code, Function.identity(), (a, b) -> a));
        Map<String, OperatorView> ops = inventory.operators().stream().collect(Collectors.toMap(OperatorView::legalName, Function.identity(), (a, b) -> a));
        PolicyVersionView current = policies.current();
        PolicySettings policy = current == null ? null : current.settings();
        Integer retention = policy == null ? null : policy.backupRetentionDays();
        List<TenantFacts.StaffFacts> staff = new ArrayList<>();
        for (int first = 0; ; first += 500) {
            List<StaffMemberView> page = agreements.staff(first, 500);
            page.forEach(s -> staff.add(new TenantFacts.StaffFacts(s.username(), Roles.SUPPORT.equals(s.role()), s.cleared())));
            if (page.size() < 500) {
                break;
            }
        }
        return new Shared(on, dcs, ops, retention, staff, policy, current == null ? 0 : current.version(),
                tenants.retentionDays(), new ConcurrentHashMap<>(), subProcessorList.inEffect(on), transport.running(),
                new ConcurrentHashMap<>(), new ConcurrentHashMap<>(), new AtomicReference<>());
    }

    /**
     * The reference data of one evaluation (a client's dashboard or compliance page, a staff member's look at one
     * tenant) as kept on this node ({@link SharedReferenceCache}): not for batches, whose pages read their own.
     */
    public Shared sharedKept(LocalDate on) {
        return SharedReferenceCache.NODE.get(on, this::shared);
    }

    /**
     * Computes ahead the reference data kept on this node and the controls of the production servers that views asked
     * for (a timer's call in {@code NodeMemo.ahead}, {@link ReferenceAhead}): no view then reads them.
     */
    @RolesAllowed(Roles.AUDITOR)
    public void keepAhead(LocalDate on) {
        SharedReferenceCache.NODE.ahead(on, this::shared, servers -> {
            Map<String, List<TenantFacts.Control>> read = new HashMap<>();
            controls.controlsOfAll(servers).forEach((server, views) -> read.put(server, controls(views)));
            return read;
        });
    }

    /**
     * The reference data for the next page of a batch: read again (the small part: inventory, staff, policy,
     * sub-processors), and when it equals {@code previous}'s, {@code previous} with what it memoised (recovery plans,
     * availability figures: read once per batch, unless the reference data changed) and a fresh read of the
     * servers' controls and of the journal checkpoint. {@code previous} null: the first page.
     */
    public Shared sharedFor(LocalDate on, Shared previous) {
        Shared fresh = shared(on);
        return previous != null && previous.sameReference(fresh) ? previous.nextPage() : fresh;
    }

    /**
     * A page of tenants' documents' inputs in two queries (their records, their live contracts), by SIREN; an unknown
     * SIREN is left out. At most 500.
     */
    public Map<String, TenantDocuments> documentsOf(List<String> sirens, Shared shared) {
        Map<String, List<ContractView>> live = new HashMap<>();
        for (ContractView c : contracts.liveOf(sirens)) {
            live.computeIfAbsent(c.tenantSiren(), s -> new ArrayList<>()).add(c);
        }
        Map<String, TenantDocuments> docs = new HashMap<>();
        for (TenantRecord record : tenants.recordsOf(sirens)) {
            List<ContractView> list = live.getOrDefault(record.siren(), List.of());
            docs.put(record.siren(), new TenantDocuments(record, list.subList(0, Math.min(list.size(), MAX_CONTRACTS)), shared));
        }
        return docs;
    }

    /**
     * This module's GDPR evidence of a page of tenants, in two queries: the latest accepted agreement per contract
     * (contract id to the text's SHA-256), and the record of processing's coverage.
     */
    public record GdprEvidence(Map<String, Map<Long, String>> accepted, Map<String, Object[]> coverage) {

        Map<Long, String> acceptedOf(String siren) {
            return accepted.getOrDefault(siren, Map.of());
        }
    }

    public GdprEvidence evidenceOf(List<String> sirens) {
        Map<String, Map<Long, String>> accepted = new HashMap<>();
        if (!sirens.isEmpty()) {
            for (Object[] row : em.createNamedQuery(AgreementAcceptance.META_OF_TENANTS, Object[].class).setParameter("sirens", sirens)
                    .getResultList()) {
                accepted.computeIfAbsent((String) row[5], s -> new HashMap<>()).putIfAbsent((Long) row[0], (String) row[1]);
            }
        }
        return new GdprEvidence(accepted, ProcessingCoverage.rows(em, sirens));
    }

    public long tenantCount() {
        return tenants.count();
    }

    public List<TenantView> tenants(int first, int max) {
        return tenants.list(first, max);
    }

    /** A tenant's documents' inputs (record, contracts not terminated); the record in one call (its view, then its record by id, were two). */
    public TenantDocuments documents(String siren, Shared shared) throws TenantNotFoundException {
        return documents(tenants.findBySiren(siren).orElseThrow(() -> new TenantNotFoundException("No tenant with SIREN " + siren)), shared);
    }

    /** The documents' inputs of a tenant whose record was read already: its contracts not terminated. */
    private TenantDocuments documents(TenantRecord record, Shared shared) {
        List<ContractView> list = contracts.list(record.siren(), 0, MAX_CONTRACTS).stream()
                .filter(c -> c.status() != ContractStatus.TERMINATED).toList();
        return new TenantDocuments(record, list, shared);
    }

    public TenantFacts facts(String siren, Shared shared) throws TenantNotFoundException {
        return facts(documents(siren, shared));
    }

    /**
     * A single evaluation's inputs on the reference data kept on this node ({@link #sharedKept}): one call of this bean
     * where {@code facts(siren, sharedKept(on))} made two, each through the container's interceptors (the client
     * dashboard's compliance tile at each view; docs/performance.md, client19).
     */
    public TenantFacts factsKept(String siren, LocalDate on) throws TenantNotFoundException {
        return factsKept(documents(siren, sharedKept(on)));
    }

    /**
     * The same for a tenant whose record the caller read (a client's own, {@code TenantService.myCompanyRecord}): the
     * record is not read again by its SIREN.
     */
    public TenantFacts factsKept(TenantRecord record, LocalDate on) {
        return factsKept(documents(record, sharedKept(on)));
    }

    /** On the kept reference data: its production servers marked as asked for, so that the timer reads their controls ahead. */
    private TenantFacts factsKept(TenantDocuments docs) {
        docs.contracts().forEach(c -> SharedReferenceCache.NODE.asked(c.productionServer()));
        return facts(docs);
    }

    /** The rules' inputs for a tenant whose documents' inputs were read already. */
    public TenantFacts facts(TenantDocuments docs) {
        String siren = docs.tenant().siren();
        // GDPR evidence kept by this module: the latest acceptance per contract, the record's coverage.
        Map<Long, String> accepted = new HashMap<>();
        for (Object[] row : em.createNamedQuery(AgreementAcceptance.META_OF_TENANT, Object[].class).setParameter("siren", siren).getResultList()) {
            accepted.putIfAbsent((Long) row[0], (String) row[1]);
        }
        return facts(docs, accepted, ProcessingCoverage.covers(em, siren, kinds(docs.tenant())));
    }

    /** The rules' inputs of a tenant of a page whose GDPR evidence was read with the page's ({@link #evidenceOf}). */
    public TenantFacts facts(TenantDocuments docs, GdprEvidence evidence) {
        String siren = docs.tenant().siren();
        return facts(docs, evidence.acceptedOf(siren), ProcessingCoverage.covers(evidence.coverage().get(siren), kinds(docs.tenant())));
    }

    private static Set<HostedDataKind> kinds(TenantRecord record) {
        return record.details().dataKinds() == null ? Set.of() : record.details().dataKinds();
    }

    private TenantFacts facts(TenantDocuments docs, Map<Long, String> accepted, boolean recorded) {
        return facts(docs, accepted, recorded, server -> docs.shared().controls().computeIfAbsent(server, this::controlsOf));
    }

    /** {@code controls}: a production server's controls (its evidence). */
    private static TenantFacts facts(TenantDocuments docs, Map<Long, String> accepted, boolean recorded,
                                     Function<String, List<TenantFacts.Control>> controls) {
        TenantRecord record = docs.tenant();
        String siren = record.siren();
        Shared shared = docs.shared();
        Set<HostedDataKind> kinds = kinds(record);
        List<TenantFacts.ContractFacts> list = new ArrayList<>();
        for (ContractView c : docs.contracts()) {
            String acceptedSha = accepted.get(c.id());
            // the agreement's text written (to compare its version) only when the client accepted one
            boolean current = acceptedSha != null && acceptedSha.equals(AgreementTexts.of(docs.agreement(c)).sha256());
            list.add(contract(c, shared, current, acceptedSha != null && !current, recorded, controls.apply(c.productionServer())));
        }
        return new TenantFacts(siren, record.legalName(), shared.on(), kinds, list,
                shared.backupRetentionDays(), shared.staff());
    }

    /**
     * The rules' inputs of a batch page's tenant from what {@link #prepare} read for its page (its GDPR evidence from
     * {@link #evidenceOf}): the same as {@link #facts(TenantDocuments, GdprEvidence)}, computed on the worker without a
     * call of this bean. Null when the page's reads lack a production server's controls (then that method reads them).
     */
    static TenantFacts preparedFacts(TenantDocuments docs, GdprEvidence evidence) {
        Map<String, List<TenantFacts.Control>> controls = docs.shared().controls();
        for (ContractView c : docs.contracts()) {
            if (c.productionServer() == null || controls.get(c.productionServer()) == null) {
                return null;
            }
        }
        String siren = docs.tenant().siren();
        return facts(docs, evidence.acceptedOf(siren), ProcessingCoverage.covers(evidence.coverage().get(siren), kinds(docs.tenant())),
                controls::get);
    }

    /**
     * What a certificate states of a batch page's tenant, from what {@link #prepare} read for its page: the same as
     * {@link #certificate}, computed on the worker without a call of this bean. Null when the page's reads lack a
     * recovery plan, the availability figures or the checkpoint (then that method reads them).
     */
    static CertificateFacts preparedCertificate(TenantDocuments docs) {
        Shared shared = docs.shared();
        CheckpointView checkpoint = shared.checkpoint().get();
        if (checkpoint == null || shared.availability().isEmpty()
                || docs.contracts().stream().anyMatch(c -> !shared.plans().containsKey(c.productionServerId()))) {
            return null;
        }
        return CertificateFacts.of(docs, shared.plans()::get, Optional.of(checkpoint), shared.availability());
    }

    /** What a certificate states of a tenant whose documents' inputs were read already (staff issue certificates). */
    @RolesAllowed({Roles.SUPPORT, Roles.ADMIN})
    public CertificateFacts certificate(TenantDocuments docs) {
        Map<Long, ServerAvailabilityView> availability = availability(docs.shared());
        CheckpointView checkpoint = checkpoint(docs.shared());
        return CertificateFacts.of(docs, serverId -> docs.shared().plans().computeIfAbsent(serverId, this::planOf),
                Optional.of(checkpoint), availability);
    }

    /**
     * Reads, before a batch page's workers start, what its certificates share and the first of them would otherwise
     * read while the others wait: the controls of the page's production servers (rule evidence), every server's
     * availability figures (once per batch) and the journal checkpoint the page's certificates print. The same reads,
     * done once, as {@link #facts} and {@link #certificate} would do on first use.
     */
    @RolesAllowed({Roles.SUPPORT, Roles.ADMIN})
    public void prepare(Shared shared, java.util.Collection<TenantDocuments> page) {
        Set<String> servers = new java.util.LinkedHashSet<>();
        for (TenantDocuments docs : page) {
            for (ContractView c : docs.contracts()) {
                if (c.productionServer() != null && !shared.controls().containsKey(c.productionServer())) {
                    servers.add(c.productionServer());
                }
                // the production servers' recovery plans (printed), read once per batch: the workers compute each
                // certificate's statements without calling this bean (preparedCertificate)
                shared.plans().computeIfAbsent(c.productionServerId(), this::planOf);
            }
        }
        // the controls of every production server of the page in one call, a few statements whatever their number
        // (one call per server cost eight statements each: a page's tenants on fifty servers, 400; docs/performance.md, batch19)
        if (!servers.isEmpty()) {
            controls.controlsOfAll(servers).forEach((server, views) -> shared.controls().putIfAbsent(server, controls(views)));
        }
        availability(shared);
        checkpoint(shared);
    }

    private Map<Long, ServerAvailabilityView> availability(Shared shared) {
        Map<Long, ServerAvailabilityView> availability = shared.availability();
        synchronized (availability) { // the page's issues may run in parallel: one read for all of them
            if (availability.isEmpty()) {
                // every server's stored figures, read once per batch (not per tenant)
                serverStatus.serverAvailabilities().forEach(a -> availability.put(a.serverId(), a));
            }
        }
        return availability;
    }

    private CheckpointView checkpoint(Shared shared) {
        AtomicReference<CheckpointView> checkpoint = shared.checkpoint();
        synchronized (checkpoint) { // the page's issues may run in parallel: one checkpoint for all of them
            if (checkpoint.get() == null) {
                checkpoint.set(journal.pinnedCheckpoint()); // kept for ever: the certificate names it
            }
            return checkpoint.get();
        }
    }

    private Optional<RecoveryPlanView> planOf(long serverId) {
        try {
            return Optional.of(recovery.plan(serverId));
        } catch (HostingRefusedException e) {
            return Optional.empty();
        }
    }

    /**
     * The sub-processors of a contract, from the list in effect (hosting's {@code SubProcessors}): the operators and
     * data centres of its production and backup sites, then the others that serve its servers (the monitoring
     * contractor, ...). The rules read the same list ({@link #contract}).
     */
    static List<AgreementTexts.SubProcessor> subProcessors(ContractView c, Shared shared) {
        List<AgreementTexts.SubProcessor> list = new ArrayList<>();
        addSub(list, "Hébergement de production", "Production hosting", c.productionDataCentre(), shared);
        addSub(list, "Hébergement de secours (sauvegardes)", "Backup hosting", c.backupDataCentre(), shared);
        shared.serving(c.productionDataCentre(), c.backupDataCentre()).stream().filter(s -> s.role() != SubProcessorRole.HOSTING_OPERATOR)
                .map(AgreementTexts.SubProcessor::of).forEach(list::add);
        return list;
    }

    private static void addSub(List<AgreementTexts.SubProcessor> list, String fr, String en, String dcCode, Shared shared) {
        DataCentreView dc = dcCode == null ? null : shared.dataCentres().get(dcCode);
        if (dc == null) {
            return;
        }
        OperatorView op = dc.operatorName() == null ? null : shared.operators().get(dc.operatorName());
        LocalDate since = shared.subProcessors().stream().filter(s -> s.role() == SubProcessorRole.HOSTING_OPERATOR
                && s.name().equalsIgnoreCase(dc.operatorName())).map(SubProcessorView::effectiveFrom).findFirst().orElse(null);
        list.add(new AgreementTexts.SubProcessor(fr, en, dc.operatorName(), op == null ? null : op.legalForm(),
                op == null ? null : op.parentGroup(), op == null ? "?" : op.headOfficeCountry(), dc.code(), dc.city(), dc.countryCode(),
                since, null));
    }

    private List<TenantFacts.Control> controlsOf(String server) {
        return controls(controls.controlsOf(server));
    }

    private static List<TenantFacts.Control> controls(List<ServerControls.ControlView> views) {
        return views.stream().map(v -> new TenantFacts.Control(v.serverRef(), v.control().name(), v.status().name(), v.reason(),
                v.source() == null ? null : v.source().name())).toList();
    }

    private static TenantFacts.ContractFacts contract(ContractView c, Shared shared, boolean agreementCurrent, boolean agreementOutdated,
                                               boolean recorded, List<TenantFacts.Control> evidence) {
        List<TenantFacts.SubProcessor> subs = shared.serving(c.productionDataCentre(), c.backupDataCentre()).stream()
                .map(s -> new TenantFacts.SubProcessor(s.role().name(), new TenantFacts.Operator(s.name(), s.country(),
                        s.parentGroupCountry(), s.largestNonEuShare(), s.totalNonEuShare()))).toList();
        return new TenantFacts.ContractFacts(c.id(), site(c.productionServer(), c.productionDataCentre(), shared),
                c.backupServer() == null ? null : site(c.backupServer(), c.backupDataCentre(), shared), agreementCurrent, recorded, evidence,
                agreementOutdated, subs);
    }

    private static TenantFacts.Site site(String server, String dataCentreCode, Shared shared) {
        DataCentreView dc = dataCentreCode == null ? null : shared.dataCentres().get(dataCentreCode);
        if (dc == null) {
            return new TenantFacts.Site(server, dataCentreCode, null, null, null);
        }
        OperatorView op = dc.operatorName() == null ? null : shared.operators().get(dc.operatorName());
        TenantFacts.Operator operator = op == null ? null : new TenantFacts.Operator(op.legalName(), op.headOfficeCountry(),
                op.parentGroupCountry(), op.largestNonEuShare(), op.totalNonEuShare());
        return new TenantFacts.Site(server, dc.code(), dc.countryCode(), operator,
                dc.certifications().stream().map(x -> new TenantFacts.Certification(x.name(), x.expiresOn())).toList());
    }
}
