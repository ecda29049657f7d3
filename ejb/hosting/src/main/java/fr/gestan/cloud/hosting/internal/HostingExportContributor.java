package fr.gestan.cloud.hosting.internal;

import jakarta.ejb.SessionContext;
import jakarta.annotation.Resource;
import jakarta.interceptor.Interceptors;
import fr.gestan.cloud.common.tenancy.TenantRef;
import fr.gestan.cloud.common.tenancy.TenantConfinement;
import fr.gestan.cloud.common.Roles;
import fr.gestan.cloud.hosting.api.ContractEventView;
import fr.gestan.cloud.hosting.api.ContractView;
import fr.gestan.cloud.hosting.api.DataCentreView;
import fr.gestan.cloud.hosting.api.MyRecoveryView;
import fr.gestan.cloud.hosting.api.OperatorView;
import fr.gestan.cloud.hosting.api.RecoveryPlanView;
import fr.gestan.cloud.hosting.api.RecoveryPlans;
import fr.gestan.cloud.hosting.api.ContractStatus;
import fr.gestan.cloud.tenants.api.ExportCsv;
import fr.gestan.cloud.tenants.api.ExportFiles;
import fr.gestan.cloud.tenants.api.TenantExportContributor;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The hosting module's share of a tenant export (folder {@code hosting}): the tenant's contracts with their
 * history, the sites (production and backup data centres, their operators and certifications), the servers, and
 * the estimated recovery time of each active contract, as JSON and CSV. Never another tenant's data: a server's
 * load, capacity or other tenants are left out, and a client may only export its own company.
 */
@Stateless
@Interceptors(TenantConfinement.class)
@RolesAllowed({Roles.CLIENT, Roles.SUPPORT, Roles.ADMIN})
public class HostingExportContributor implements TenantExportContributor {

    public static final String FOLDER = "hosting";

    @PersistenceContext(unitName = "hosting")
    EntityManager em;
    @Resource
    SessionContext caller;
    @EJB
    RecoveryPlans recoveryPlans;

    /** One contract with its history, as written to {@code contracts.json}. */
    public record ContractExport(ContractView contract, java.time.Instant createdAt, List<ContractEventView> history) {
    }

    /** A site as written to {@code sites.json}: the data centre, its operator's record when known, and its role for the tenant. */
    public record SiteExport(DataCentreView dataCentre, OperatorView operator, List<String> usedFor) {
    }

    /** A server as the tenant may see it (no load, capacity or other tenants). */
    public record ServerExport(String name, String role, String profile, String dataCentre, String city, String state,
                               List<String> usedFor) {
    }

    @Override
    public String folder() {
        return FOLDER;
    }

    @Override
    public void contribute(@TenantRef String tenantSiren, ExportFiles files) throws IOException {
        List<HostingContract> contracts = em.createNamedQuery(HostingContract.PAGE_OF_TENANT, HostingContract.class)
                .setParameter("siren", tenantSiren).getResultList();
        Map<Long, SiteExport> sites = new LinkedHashMap<>();
        Map<Long, ServerExport> servers = new LinkedHashMap<>();
        for (HostingContract c : contracts) {
            site(sites, c.productionServer().dataCentre(), "production");
            site(sites, c.backupServer().dataCentre(), "backup");
            server(servers, c.productionServer(), "contract " + c.id());
            server(servers, c.backupServer(), "contract " + c.id());
        }
        // The plan of a client's own contracts comes from its portal view; staff read the plans themselves.
        boolean staff = caller.isCallerInRole(Roles.SUPPORT) || caller.isCallerInRole(Roles.ADMIN);
        List<MyRecoveryView> recovery = staff ? recoveryForStaff(contracts) : recoveryPlans.myRecovery();

        try (Jsonb json = JsonbBuilder.create(new JsonbConfig().withFormatting(true))) {
            files.text("contracts.json", w -> jsonArray(w, json, contracts.stream()
                    .map(c -> new ContractExport(c.toView(), c.createdAt(), c.history().stream().map(ContractEvent::toView).toList()))
                    .toList()));
            files.text("contracts.csv", w -> {
                ExportCsv.line(w, "id", "offer", "status", "starts_on", "ends_on", "auto_renew", "service_level",
                        "data_volume_gb", "production_server", "production_data_centre", "backup_server", "backup_data_centre");
                for (HostingContract c : contracts) {
                    ContractView v = c.toView();
                    ExportCsv.line(w, v.id(), v.offer(), v.status(), v.startsOn(), v.endsOn(), v.autoRenew(), v.serviceLevel(),
                            v.dataVolumeGb(), v.productionServer(), v.productionDataCentre(), v.backupServer(), v.backupDataCentre());
                }
            });
            files.text("contract-history.csv", w -> {
                ExportCsv.line(w, "contract_id", "occurred_at", "kind", "actor", "detail");
                for (HostingContract c : contracts) {
                    for (ContractEvent e : c.history()) {
                        ContractEventView v = e.toView();
                        ExportCsv.line(w, c.id(), v.occurredAt(), v.kind(), v.actor(), v.detail());
                    }
                }
            });
            files.text("sites.json", w -> jsonArray(w, json, List.copyOf(sites.values())));
            files.text("sites.csv", w -> {
                ExportCsv.line(w, "code", "city", "country", "used_for", "operator", "operator_legal_form",
                        "operator_head_office_country", "operator_parent_group", "operator_parent_group_country", "certifications");
                for (SiteExport s : sites.values()) {
                    OperatorView o = s.operator();
                    ExportCsv.line(w, s.dataCentre().code(), s.dataCentre().city(), s.dataCentre().countryCode(),
                            String.join(" ", s.usedFor()), s.dataCentre().operatorName(),
                            o == null ? null : o.legalForm(), o == null ? null : o.headOfficeCountry(),
                            o == null ? null : o.parentGroup(), o == null ? null : o.parentGroupCountry(),
                            String.join("; ", s.dataCentre().certifications().stream()
                                    .map(x -> x.name() + " (" + x.issuer() + ", " + x.expiresOn() + ")").toList()));
                }
            });
            files.text("servers.json", w -> jsonArray(w, json, List.copyOf(servers.values())));
            files.text("servers.csv", w -> {
                ExportCsv.line(w, "name", "role", "profile", "data_centre", "city", "state", "used_for");
                for (ServerExport s : servers.values()) {
                    ExportCsv.line(w, s.name(), s.role(), s.profile(), s.dataCentre(), s.city(), s.state(), String.join(" ", s.usedFor()));
                }
            });
            files.text("recovery.json", w -> jsonArray(w, json, recovery));
            files.text("recovery.csv", w -> {
                ExportCsv.line(w, "contract_id", "server", "data_centre", "position", "tenants_on_server",
                        "estimated_minutes", "from_drill");
                for (MyRecoveryView r : recovery) {
                    ExportCsv.line(w, r.contractId(), r.serverName(), r.dataCentreCode(), r.position(), r.tenantCount(),
                            r.estimatedMinutes(), r.fromDrill());
                }
            });
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    /** The same figures a client sees on its recovery page, computed from each server's plan for staff. */
    private List<MyRecoveryView> recoveryForStaff(List<HostingContract> contracts) {
        List<MyRecoveryView> mine = new ArrayList<>();
        for (HostingContract c : contracts) {
            if (c.toView().status() == ContractStatus.TERMINATED) {
                continue;
            }
            RecoveryPlanView plan = recoveryPlans.plan(c.productionServer().id());
            plan.tenants().stream().filter(t -> t.contractId() == c.id()).findFirst()
                    .ifPresent(t -> mine.add(new MyRecoveryView(c.id(), plan.serverName(), plan.dataCentreCode(),
                            t.position(), plan.tenants().size(), t.endMinute(),
                            t.source().drill() || plan.steps().stream().anyMatch(step -> step.source().drill()))));
        }
        return mine;
    }

    private static void site(Map<Long, SiteExport> sites, DataCentre dc, String use) {
        SiteExport site = sites.computeIfAbsent(dc.id(), id -> new SiteExport(dc.toView(),
                dc.operator() == null ? null : dc.operator().toView(), new ArrayList<>()));
        if (!site.usedFor().contains(use)) {
            site.usedFor().add(use);
        }
    }

    private static void server(Map<Long, ServerExport> servers, HostingServer s, String use) {
        var view = s.toView(0);
        ServerExport server = servers.computeIfAbsent(s.id(), id -> new ServerExport(view.name(), view.role().name(),
                view.profile(), view.dataCentreCode(), view.city(), view.state().name(), new ArrayList<>()));
        if (!server.usedFor().contains(use)) {
            server.usedFor().add(use);
        }
    }

    /** A JSON array written element by element (never the whole document in one string). */
    private static void jsonArray(Writer w, Jsonb json, List<?> items) throws IOException {
        w.write("[");
        for (int i = 0; i < items.size(); i++) {
            w.write(i == 0 ? "\n" : ",\n");
            w.write(json.toJson(items.get(i)));
        }
        w.write("\n]\n");
    }
}
