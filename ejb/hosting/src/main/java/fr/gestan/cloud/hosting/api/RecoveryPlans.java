package fr.gestan.cloud.hosting.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The disaster-recovery plan (PRA): durations, drills, each server's restore timeline. */
public interface RecoveryPlans {

    /** The current step durations. Staff. */
    RecoverySettings settings();

    /** Changes the step durations. Administrators only. */
    RecoverySettings updateSettings(@NotNull(message = "{recovery.drill.required}") @Valid RecoverySettings settings);

    /** A production server's restore timeline, with the figures of the latest drill where there is one. Staff. */
    RecoveryPlanView plan(long serverId) throws HostingRefusedException;

    /**
     * {@link #plan} as a PDF in {@code locale} (French or English): the steps, a Gantt-like chart of the whole timeline
     * and each tenant's estimated recovery time, with the figures' sources. Staff.
     */
    RecoveryPlanPdf planPdf(long serverId, @NotNull Locale locale) throws HostingRefusedException;

    /** Records a recovery drill. Support and admins. */
    DrillView recordDrill(@NotNull(message = "{recovery.drill.required}") @Valid NewDrill drill) throws HostingRefusedException;

    /**
     * The staff recovery page: the production servers, the settings, {@link #plan} of {@code serverId} (null: the first
     * production server by name) and its {@link #drills}, as those calls read them, in one transaction: four statements
     * (ten as separate calls, docs/performance.md 4.17), five when no drill of the server refines the plan. The same for
     * every staff member: kept 5 s on each node, void at once at that node's writes to a contract, a server, a drill or
     * the settings, as the plans behind /trust's worst case (none a view within the window: docs/performance.md,
     * "hosting pages (pages11h)"). Refused as {@link #plan} is. Staff.
     */
    RecoveryPage page(Long serverId) throws HostingRefusedException;

    /** The drills of a server, newest first. Staff. */
    List<DrillView> drills(long serverId);

    /**
     * The plan of the production server with the most clients to restore, the longest among equals (the first by name
     * among equal plans), as {@link #plan} computes it; empty without production servers. In four statements whatever
     * the number of servers (/trust and the home page quote it), computed at most once every 5 s on a node and at once
     * after this node's writes to contracts, servers, drills or settings. Staff.
     */
    Optional<RecoveryPlanView> worstCase();

    /** The signed-in client's estimated recovery, one per active contract. Clients only. */
    List<MyRecoveryView> myRecovery();
}
