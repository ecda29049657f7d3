package fr.gestan.cloud.hosting.internal;

import fr.gestan.cloud.common.Paris;
import fr.gestan.cloud.common.Roles;
import fr.gestan.cloud.common.journal.JournalEvent;
import fr.gestan.cloud.common.notify.Notifications;
import fr.gestan.cloud.hosting.api.DataCentreView;
import fr.gestan.cloud.hosting.api.DuplicateDataCentreException;
import fr.gestan.cloud.hosting.api.HostingInventory;
import fr.gestan.cloud.hosting.api.HostingRefusedException.Reason;
import fr.gestan.cloud.hosting.api.HostingRefusedException;
import fr.gestan.cloud.hosting.api.InventoryPage;
import fr.gestan.cloud.hosting.api.NewDataCentre;
import fr.gestan.cloud.hosting.api.NewOperator;
import fr.gestan.cloud.hosting.api.NewOwnership;
import fr.gestan.cloud.hosting.api.NewServer;
import fr.gestan.cloud.hosting.api.OperatorView;
import fr.gestan.cloud.hosting.api.ServerPage;
import fr.gestan.cloud.hosting.api.ServerView;
import fr.gestan.cloud.security.api.SecurityPolicies;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

@Stateless
@RolesAllowed({Roles.CLIENT, Roles.SUPPORT, Roles.ADMIN, Roles.AUDITOR})
public class HostingInventoryBean extends HostingServiceBase implements HostingInventory {

    private static final SecureRandom RANDOM = new SecureRandom();

    @EJB
    Notifications notifications;
    @EJB
    SecurityPolicies policies;

    @Override
    @RolesAllowed(Roles.ADMIN)
    public DataCentreView addDataCentre(NewDataCentre request) {
        String code = request.code().strip().toUpperCase(Locale.ROOT);
        if (em.createNamedQuery(DataCentre.COUNT_BY_CODE, Long.class).setParameter("code", code).getSingleResult() > 0) {
            throw new DuplicateDataCentreException(code);
        }
        DataCentre dataCentre = new DataCentre(code, request.city(), request.countryCode(), request.operatorName());
        em.createNamedQuery(HostingOperator.BY_NAME, HostingOperator.class).setParameter("name", request.operatorName().strip())
                .getResultList().stream().findFirst().ifPresent(dataCentre::operatedBy);
        em.persist(dataCentre);
        journal.record(JournalEvent.success("DATACENTRE_ADDED", null, code));
        return dataCentre.toView();
    }

    @Override
    public List<DataCentreView> dataCentres() {
        // read at each call: the certificates' and the reports' facts are never taken from a kept copy
        return em.createNamedQuery(DataCentre.ALL, DataCentre.class).getResultList().stream().map(DataCentre::toView).toList();
    }

    @Override
    @RolesAllowed({Roles.SUPPORT, Roles.ADMIN, Roles.AUDITOR})
    public List<DataCentreView> keptDataCentres() {
        return InventoryReferenceCache.dataCentres(this::dataCentres);
    }

    @Override
    @RolesAllowed(Roles.ADMIN)
    public DataCentreView addCertification(String dataCentreCode, String name, String issuer, LocalDate expiresOn) {
        DataCentre dataCentre = dataCentre(dataCentreCode);
        dataCentre.certify(name, issuer, expiresOn);
        journal.record(JournalEvent.success("CERTIFICATION_ADDED", null, dataCentre.code() + " " + name.strip()));
        return dataCentre.toView();
    }

    @Override
    @RolesAllowed(Roles.ADMIN)
    public OperatorView addOperator(NewOperator request) {
        if (!em.createNamedQuery(HostingOperator.BY_NAME, HostingOperator.class).setParameter("name", request.legalName().strip())
                .getResultList().isEmpty()) {
            throw new HostingRefusedException(Reason.DUPLICATE, request.legalName());
        }
        if (request.largestNonEuShare().compareTo(request.totalNonEuShare()) > 0) {
            throw new HostingRefusedException(Reason.INVALID_SHARES, request.largestNonEuShare() + " > " + request.totalNonEuShare());
        }
        HostingOperator operator = new HostingOperator(request.legalName(), request.legalForm(), request.headOfficeCountry(),
                request.parentGroup(), request.parentGroupCountry(), request.largestNonEuShare(), request.totalNonEuShare());
        em.persist(operator);
        // an operator's data centres process the clients' data: it is a sub-processor from today (SubProcessors)
        SubProcessorsBean.operatorEntered(em, operator, actor());
        journal.record(JournalEvent.success("OPERATOR_ADDED", null, request.legalName().strip()));
        return operator.toView();
    }

    @Override
    @RolesAllowed(Roles.ADMIN)
    public OperatorView changeOwnership(long operatorId, NewOwnership r) {
        HostingOperator operator = em.find(HostingOperator.class, operatorId);
        if (operator == null) {
            throw new HostingRefusedException(Reason.NOT_FOUND, "operator " + operatorId);
        }
        if (r.largestNonEuShare().compareTo(r.totalNonEuShare()) > 0) {
            throw new HostingRefusedException(Reason.INVALID_SHARES, r.largestNonEuShare() + " > " + r.totalNonEuShare());
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String by = actor();
        OperatorOwnership ownership = operator.changeOwner(r.owner().strip(), r.ownerCountry(), r.largestNonEuShare(),
                r.totalNonEuShare(), r.effectiveOn(), r.reason().strip(), now, by);
        em.persist(ownership);
        // GDPR art. 28(2): told like an addition, as a change of the operator's entry in the sub-processor list
        SubProcessor entry = subProcessorEntry(operator, r.effectiveOn());
        String told = "no sub-processor entry, nobody told";
        if (entry != null) {
            SubProcessorChange change = ChangeNotices.tellOwnerChange(em, notifications, entry,
                    SubProcessorsBean.views(em, List.of(entry)).get(0), ownership, now, by, policies.current());
            told = "change " + change.id() + " told until " + change.objectionUntil();
        }
        journal.record(new JournalEvent("OPERATOR_OWNERSHIP_CHANGED", null, operator.legalName() + ": " + ownership.owner() + " ("
                + ownership.ownerCountry() + "), non-EU " + r.largestNonEuShare().toPlainString() + " % / "
                + r.totalNonEuShare().toPlainString() + " % from " + r.effectiveOn() + ", " + told, JournalEvent.Outcome.SUCCESS,
                r.reason().strip()));
        return operator.toView();
    }

    /** The operator's entry in the sub-processor list in effect on that day, else today, else its latest (null: none). */
    private SubProcessor subProcessorEntry(HostingOperator operator, LocalDate day) {
        List<SubProcessor> entries = em.createNamedQuery(SubProcessor.OF_OPERATOR, SubProcessor.class)
                .setParameter("operator", operator).getResultList();
        LocalDate today = LocalDate.now(Paris.ZONE);
        return entries.stream().filter(s -> s.inEffectOn(day)).findFirst()
                .or(() -> entries.stream().filter(s -> s.inEffectOn(today)).findFirst())
                .orElse(entries.isEmpty() ? null : entries.get(0));
    }

    @Override
    public List<OperatorView> operators() {
        // One statement: the ownerships fetched with the operators (two with batch fetching before, docs/performance.md
        // 4.17). A list, not a stream: streamed operators were read one at a time (23 statements for 22 operators)
        return em.createNamedQuery(HostingOperator.ALL, HostingOperator.class).getResultList().stream()
                .map(HostingOperator::toView).toList();
    }

    @Override
    @RolesAllowed(Roles.ADMIN)
    public ServerView addServer(NewServer request) {
        if (em.createNamedQuery(HostingServer.COUNT_BY_NAME, Long.class).setParameter("name", request.name().strip()).getSingleResult() > 0) {
            throw new HostingRefusedException(Reason.DUPLICATE, request.name());
        }
        HostingServer server = new HostingServer(request.name(), dataCentre(request.dataCentreCode()), request.role(),
                request.profile() == null || request.profile().isBlank() ? NewServer.STANDARD_PROFILE : request.profile(),
                request.capacity() == null ? NewServer.DEFAULT_CAPACITY : request.capacity());
        em.persist(server);
        journal.record(JournalEvent.success("SERVER_ADDED", null, server.name()));
        return server.toView(0);
    }

    @Override
    @RolesAllowed({Roles.SUPPORT, Roles.ADMIN, Roles.AUDITOR})
    public List<ServerView> servers() {
        return ServersCache.get(() -> { // the same for every caller: kept a few seconds per node, void at this node's writes
            Map<Long, Long> loads = Loads.of(em);
            return em.createNamedQuery(HostingServer.ALL, HostingServer.class).getResultList().stream()
                    .map(s -> s.toView(loads.getOrDefault(s.id(), 0L))).toList();
        });
    }

    @Override
    @RolesAllowed({Roles.SUPPORT, Roles.ADMIN, Roles.AUDITOR})
    public ServerPage serverPage(int first, int size) {
        return ServerPages.read(em, first, size);
    }

    @Override
    @RolesAllowed({Roles.SUPPORT, Roles.ADMIN, Roles.AUDITOR})
    public InventoryPage inventoryPage(int first, int size) {
        // the operators and the data centres kept 5 s on this node, void at its writes (InventoryReferenceCache)
        return new InventoryPage(InventoryReferenceCache.operators(this::operators), keptDataCentres(), serverPage(first, size));
    }

    @Override
    @RolesAllowed({Roles.SUPPORT, Roles.ADMIN, Roles.AUDITOR})
    public ServerView server(long serverId) {
        HostingServer server = ServerLookup.find(em, serverId);
        long load = server.role() == fr.gestan.cloud.hosting.api.ServerRole.PRODUCTION
                ? em.createNamedQuery(HostingContract.LOAD_OF, Long.class).setParameter("server", serverId).getSingleResult()
                : Loads.of(em).getOrDefault(serverId, 0L);
        return server.toView(load);
    }

    @Override
    @RolesAllowed(Roles.ADMIN)
    public String issueMonitoringToken(long serverId) {
        HostingServer server = ServerLookup.find(em, serverId);
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        server.useMonitoringToken(token);
        journal.record(JournalEvent.success("MONITORING_TOKEN_ISSUED", null, server.name()));
        return token;
    }

    private DataCentre dataCentre(String code) {
        return em.createNamedQuery(DataCentre.BY_CODE, DataCentre.class).setParameter("code", code.strip().toUpperCase(Locale.ROOT))
                .getResultList().stream().findFirst()
                .orElseThrow(() -> new HostingRefusedException(Reason.NOT_FOUND, code));
    }
}
