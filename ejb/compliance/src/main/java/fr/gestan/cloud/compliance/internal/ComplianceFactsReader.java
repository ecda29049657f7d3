package fr.gestan.cloud.compliance.internal;

import fr.gestan.cloud.common.Roles;
import fr.gestan.cloud.compliance.internal.rules.TenantFacts;
import fr.gestan.cloud.contracts.api.ContractStatus;
import fr.gestan.cloud.contracts.api.ContractView;
import fr.gestan.cloud.contracts.api.DataCentreView;
import fr.gestan.cloud.contracts.api.HostingContracts;
import fr.gestan.cloud.contracts.api.HostingInventory;
import fr.gestan.cloud.contracts.api.OperatorView;
import fr.gestan.cloud.contracts.api.ServerView;
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
 * Reads the rules' inputs from the tenants, contracts and security modules' public APIs, as an auditor (read-only
 * role) so that a client's own evaluation sees the inventory and staff data it may not read itself. Inputs with no
 * API yet (GDPR art. 28 agreements, record of processing) are left {@code null}: the rules report them missing.
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

    /** The reference data shared by every tenant, read once per evaluation batch. */
    record Shared(LocalDate on, Map<String, ServerView> servers, Map<String, DataCentreView> dataCentres,
                  Map<String, OperatorView> operators, Integer backupRetentionDays, List<TenantFacts.StaffFacts> staff) {
    }

    public Shared shared(LocalDate on) {
        Map<String, ServerView> servers = inventory.servers().stream().collect(Collectors.toMap(ServerView::name, Function.identity(), (a, b) -> a));
        Map<String, DataCentreView> dcs = inventory.dataCentres().stream().collect(Collectors.toMap(DataCentreView::code, Function.identity(), (a, b) -> a));
        Map<String, OperatorView> ops = inventory.operators().stream().collect(Collectors.toMap(OperatorView::legalName, Function.identity(), (a, b) -> a));
        Integer retention = policies.current() == null ? null : policies.current().settings().backupRetentionDays();
        List<TenantFacts.StaffFacts> staff = new ArrayList<>();
        for (int first = 0; ; first += 500) {
            List<StaffMemberView> page = agreements.staff(first, 500);
            page.forEach(s -> staff.add(new TenantFacts.StaffFacts(s.username(), Roles.SUPPORT.equals(s.role()), s.cleared())));
            if (page.size() < 500) {
                break;
            }
        }
        return new Shared(on, servers, dcs, ops, retention, staff);
    }

    public List<TenantView> tenants(int first, int max) {
        return tenants.list(first, max);
    }

    public TenantFacts facts(String siren, Shared shared) throws TenantNotFoundException {
        TenantView tenant = tenants.bySiren(siren);
        TenantRecord record = tenants.get(tenant.id());
        List<TenantFacts.ContractFacts> list = contracts.list(siren, 0, MAX_CONTRACTS).stream()
                .filter(c -> c.status() != ContractStatus.TERMINATED)
                .map(c -> contract(c, shared)).toList();
        return new TenantFacts(siren, record.legalName(), shared.on(), record.details().dataKinds(), list,
                shared.backupRetentionDays(), shared.staff());
    }

    private TenantFacts.ContractFacts contract(ContractView c, Shared shared) {
        List<TenantFacts.Control> evidence = controls.controlsOf(c.productionServer()).stream()
                .map(v -> new TenantFacts.Control(v.serverRef(), v.control().name(), v.status().name(), v.reason())).toList();
        return new TenantFacts.ContractFacts(c.id(), site(c.productionServer(), c.productionDataCentre(), shared),
                c.backupServer() == null ? null : site(c.backupServer(), c.backupDataCentre(), shared), null, null, evidence);
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
