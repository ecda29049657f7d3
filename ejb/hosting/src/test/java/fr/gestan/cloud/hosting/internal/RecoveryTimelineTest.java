package fr.gestan.cloud.hosting.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.gestan.cloud.hosting.api.RecoveryPlanView;
import fr.gestan.cloud.hosting.api.ServiceLevel;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RecoveryTimelineTest {

    private static final RecoveryTimeline.Figures SOURCE = new RecoveryTimeline.Figures(
            RecoveryTimeline.Figure.setting(15), RecoveryTimeline.Figure.setting(15),
            RecoveryTimeline.Figure.setting(10), RecoveryTimeline.Figure.setting(0));

    @Test
    void the_sources_hundred_tenants_take_about_seventeen_hours_after_the_data_step_starts() {
        List<RecoveryTimeline.Entry> entries = IntStream.range(0, 100)
                .mapToObj(i -> new RecoveryTimeline.Entry(i + 1, "s" + i, ServiceLevel.STANDARD, 10, LocalDate.of(2024, 1, 1)))
                .toList();
        RecoveryPlanView plan = RecoveryTimeline.plan(1, "GC-PROD-01", "DC3", SOURCE, entries);
        assertEquals(30, plan.dataStepStartMinute(), "new server 15 min + remount 15 min");
        assertEquals(List.of("NEW_SERVER", "REMOUNT", "DATA"), plan.steps().stream().map(RecoveryPlanView.Step::kind).toList());
        RecoveryPlanView.TenantSlot last = plan.tenants().get(99);
        assertEquals(100, last.position());
        assertEquals(1000, last.endMinute() - plan.dataStepStartMinute(), "16 h 40 min, i.e. about 17 h");
        assertEquals(17, Math.round((last.endMinute() - plan.dataStepStartMinute()) / 60.0));
        assertEquals(1030, plan.totalMinutes());
        assertEquals(40, plan.tenants().get(0).endMinute(), "the first tenant is back 40 min after the start");
        assertFalse(last.source().drill());
    }

    @Test
    void tenants_are_restored_in_service_level_order_then_oldest_contract_first() {
        List<RecoveryTimeline.Entry> entries = new ArrayList<>(List.of(
                new RecoveryTimeline.Entry(1, "essential", ServiceLevel.ESSENTIAL, 5, LocalDate.of(2020, 1, 1)),
                new RecoveryTimeline.Entry(2, "standard-new", ServiceLevel.STANDARD, 5, LocalDate.of(2025, 1, 1)),
                new RecoveryTimeline.Entry(3, "premium", ServiceLevel.PREMIUM, 5, LocalDate.of(2025, 6, 1)),
                new RecoveryTimeline.Entry(4, "standard-old", ServiceLevel.STANDARD, 5, LocalDate.of(2021, 1, 1))));
        RecoveryPlanView plan = RecoveryTimeline.plan(1, "S", "DC3", SOURCE, entries);
        assertEquals(List.of("premium", "standard-old", "standard-new", "essential"),
                plan.tenants().stream().map(RecoveryPlanView.TenantSlot::tenantSiren).toList());
        assertEquals(List.of(1, 2, 3, 4), plan.tenants().stream().map(RecoveryPlanView.TenantSlot::position).toList());
        assertEquals(plan.tenants().get(0).endMinute(), plan.tenants().get(1).startMinute(), "one after the other");
    }

    @Test
    void a_measured_throughput_derives_each_restore_from_the_data_volume_and_says_it_comes_from_a_drill() {
        LocalDate drillDay = LocalDate.of(2026, 10, 3);
        RecoveryTimeline.Figures measured = new RecoveryTimeline.Figures(
                RecoveryTimeline.Figure.drill(22, drillDay), RecoveryTimeline.Figure.setting(15),
                RecoveryTimeline.Figure.setting(10), RecoveryTimeline.Figure.drill(120, drillDay));
        RecoveryPlanView plan = RecoveryTimeline.plan(1, "S", "DC3", measured, List.of(
                new RecoveryTimeline.Entry(1, "big", ServiceLevel.PREMIUM, 60, LocalDate.of(2024, 1, 1)),
                new RecoveryTimeline.Entry(2, "tiny", ServiceLevel.STANDARD, 0, LocalDate.of(2024, 1, 1))));
        assertEquals(37, plan.dataStepStartMinute());
        assertTrue(plan.steps().get(0).source().drill());
        assertEquals(drillDay, plan.steps().get(0).source().drilledOn());
        assertFalse(plan.steps().get(1).source().drill());
        assertEquals(30, plan.tenants().get(0).durationMinutes(), "60 GB at 120 GB/h");
        assertEquals(1, plan.tenants().get(1).durationMinutes(), "at least a minute");
        assertTrue(plan.tenants().get(0).source().drill());
    }

    @Test
    void an_empty_server_has_only_the_first_two_steps_of_work() {
        RecoveryPlanView plan = RecoveryTimeline.plan(1, "S", "DC3", SOURCE, List.of());
        assertEquals(30, plan.totalMinutes());
        assertTrue(plan.tenants().isEmpty());
    }
}
