package fr.gestan.cloud.hosting.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fr.gestan.cloud.hosting.api.HostingRefusedException;
import fr.gestan.cloud.hosting.api.RecoveryPlanView;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each production server's plan kept on this node for a client's dashboard (issue 19), void with the worst case. */
class RecoveryPlansKeptTest {

    private final List<Long> computed = new ArrayList<>();
    private final Function<Long, RecoveryPlanView> compute = id -> {
        computed.add(id);
        RecoveryPlanView p = RecoveryPdfTest.PLAN;
        return new RecoveryPlanView(id, p.serverName() + "#" + computed.size(), p.dataCentreCode(), p.steps(), p.tenants(),
                p.dataStepStartMinute(), p.totalMinutes());
    };

    @BeforeEach
    void plansOfTheirOwn() {
        new WorstCaseCache.Listener().written(new Object());
    }

    @Test
    void every_view_of_the_next_seconds_shares_a_servers_plan() {
        RecoveryPlanView first = WorstCaseCache.plan(7L, compute);
        assertSame(first, WorstCaseCache.plan(7L, compute));
        assertEquals(8L, WorstCaseCache.plan(8L, compute).serverId());
        assertSame(first, WorstCaseCache.plan(7L, compute));
        assertEquals(List.of(7L, 8L), computed);
    }

    @Test
    void a_write_to_a_contract_server_drill_or_setting_shows_at_the_next_view() {
        WorstCaseCache.plan(7L, compute);
        new WorstCaseCache.Listener().written(new Object()); // what JPA calls after the write (a new contract on it)
        assertEquals("gc-prod-01#2", WorstCaseCache.plan(7L, compute).serverName());
        assertEquals(List.of(7L, 7L), computed);
    }

    @Test
    void a_server_of_another_role_is_refused_each_time_not_kept() {
        Function<Long, RecoveryPlanView> backup = id -> {
            computed.add(id);
            throw new HostingRefusedException(HostingRefusedException.Reason.WRONG_ROLE, "gc-backup-01");
        };
        assertThrows(HostingRefusedException.class, () -> WorstCaseCache.plan(9L, backup));
        assertThrows(HostingRefusedException.class, () -> WorstCaseCache.plan(9L, backup));
        assertEquals(List.of(9L, 9L), computed);
    }
}
