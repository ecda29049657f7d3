package fr.gestan.cloud.hosting.internal;

import fr.gestan.cloud.hosting.api.RecoveryPlanView;
import fr.gestan.cloud.hosting.api.RecoveryPlanView.Source;
import fr.gestan.cloud.hosting.api.RecoveryPlanView.Step;
import fr.gestan.cloud.hosting.api.RecoveryPlanView.TenantSlot;
import fr.gestan.cloud.hosting.api.ServiceLevel;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The ordered restore timeline of one server after a disaster, as the source describes it: open a new server at
 * another site, remount the virtual machine, then restore each tenant's data one after the other, in
 * service-level order (then oldest contract first). Pure logic, unit tested.
 */
final class RecoveryTimeline {

    /** One figure and where it comes from. */
    record Figure(int value, Source source) {
        static Figure setting(int value) {
            return new Figure(value, Source.SETTING);
        }

        static Figure drill(int value, LocalDate on) {
            return new Figure(value, new Source(true, on));
        }
    }

    /** The durations used: minutes for the first two steps and per tenant, and a restore throughput (GB/h, 0 = none). */
    record Figures(Figure newServer, Figure remount, Figure perTenant, Figure throughput) {
    }

    /** A tenant to restore. */
    record Entry(long contractId, String tenantSiren, ServiceLevel level, int dataVolumeGb, LocalDate startsOn) {
    }

    static final Comparator<Entry> RESTORE_ORDER = Comparator.comparingInt((Entry e) -> e.level().restorePriority())
            .thenComparing(Entry::startsOn).thenComparingLong(Entry::contractId);

    private RecoveryTimeline() {
    }

    static RecoveryPlanView plan(long serverId, String serverName, String dataCentreCode, Figures figures, List<Entry> entries) {
        List<Step> steps = new ArrayList<>();
        steps.add(new Step("NEW_SERVER", 0, figures.newServer().value(), figures.newServer().source()));
        steps.add(new Step("REMOUNT", figures.newServer().value(), figures.remount().value(), figures.remount().source()));
        int dataStart = figures.newServer().value() + figures.remount().value();
        int clock = dataStart;
        List<TenantSlot> slots = new ArrayList<>();
        List<Entry> ordered = entries.stream().sorted(RESTORE_ORDER).toList();
        for (int i = 0; i < ordered.size(); i++) {
            Entry entry = ordered.get(i);
            Figure duration = perTenant(figures, entry.dataVolumeGb());
            slots.add(new TenantSlot(i + 1, entry.contractId(), entry.tenantSiren(), entry.level(), entry.dataVolumeGb(),
                    clock, duration.value(), duration.source()));
            clock += duration.value();
        }
        Source dataSource = figures.throughput().value() > 0 ? figures.throughput().source() : figures.perTenant().source();
        steps.add(new Step("DATA", dataStart, clock - dataStart, dataSource));
        return new RecoveryPlanView(serverId, serverName, dataCentreCode, List.copyOf(steps), List.copyOf(slots), dataStart, clock);
    }

    /** About 10 minutes per tenant, or its data volume at the measured throughput (at least one minute). */
    static Figure perTenant(Figures figures, int dataVolumeGb) {
        int throughput = figures.throughput().value();
        if (throughput <= 0) {
            return figures.perTenant();
        }
        int minutes = (int) Math.max(1, Math.ceil(dataVolumeGb * 60.0 / throughput));
        return new Figure(minutes, figures.throughput().source());
    }
}
