package fr.gestan.cloud.hosting.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.YearMonth;
import java.util.List;

/**
 * The server status page (Statuspage-like): public reading, staff writing, each client its own servers.
 */
public interface ServerStatus {

    /** The public status: anyone, signed in or not. */
    PublicStatusView publicStatus();

    /**
     * The incidents not resolved, newest first, as {@link #publicStatus} lists them, without computing every server's
     * status (the back-office dashboard's count). Anyone.
     */
    List<IncidentView> activeIncidents();

    /** The incidents that started in a month, newest first. Anyone. */
    List<IncidentView> archive(@NotNull(message = "{status.month.required}") YearMonth month);

    /** The latest incidents with their updates, newest first, for the Atom feed. Anyone. */
    List<IncidentView> latestIncidents(@Min(value = 1, message = "{page.size.invalid}") @Max(value = 100, message = "{page.size.invalid}") int max);

    /** One incident. Anyone. */
    IncidentView incident(long incidentId) throws HostingRefusedException;

    /** Opens an incident. Support and admins. */
    IncidentView openIncident(@NotNull(message = "{status.title.required}") @Valid NewIncident incident) throws HostingRefusedException;

    /** Posts a public update moving the incident forward (resolved closes it). Support and admins. */
    IncidentView postUpdate(long incidentId, @NotNull(message = "{status.state.required}") IncidentState state,
                            @NotBlank(message = "{status.message.required}") @Size(max = 2000, message = "{status.message.size}") String message)
            throws HostingRefusedException;

    /** Announces a maintenance window. Support and admins. */
    MaintenanceView scheduleMaintenance(@NotNull(message = "{status.title.required}") @Valid NewMaintenance maintenance) throws HostingRefusedException;

    /** Scheduled → in progress → completed. Support and admins. */
    MaintenanceView advanceMaintenance(long maintenanceId) throws HostingRefusedException;

    /** Open incidents and maintenance not completed, for the back office. Staff. */
    List<MaintenanceView> openMaintenances();

    /** The status of the signed-in client's own servers only. Clients only. */
    List<ComponentStatusView> myServers();

    /**
     * The signed-in client's hosting tile in one call: {@code RecoveryPlans.myRecovery} and {@link #myServers}, as those
     * calls return them, from one read of its contracts. Clients only.
     */
    MyHostingView myHosting();

    /** The availability of the calling client's contracts' production servers: this month and 12 months. Clients. */
    List<AvailabilityView> myAvailability();

    /**
     * Every server's availability this month and over 12 months, as computed once and kept (the certificates print
     * these, per contract; read once per batch page). Staff and auditors.
     */
    List<ServerAvailabilityView> serverAvailabilities();

    /** The same for one tenant (its contracts not terminated). Staff. */
    List<AvailabilityView> availabilityOf(@jakarta.validation.constraints.NotNull(message = "{tenant.siren.required}")
                                          @jakarta.validation.constraints.Pattern(regexp = "\\d{9}", message = "{tenant.siren.format}") String siren);
}
