package fr.gestan.cloud.compliance.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import fr.gestan.cloud.common.persistence.NodeMemo;
import fr.gestan.cloud.common.persistence.ReferenceWrites;
import fr.gestan.cloud.compliance.internal.rules.TenantFacts;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The reference data of single evaluations kept per node (issue 19: the client dashboard's compliance tile). */
class SharedReferenceCacheTest {

    private final SharedReferenceCache cache = new SharedReferenceCache();
    private final List<LocalDate> reads = new ArrayList<>();
    private String operatorCountry = "FR";

    private final Function<LocalDate, ComplianceFactsReader.Shared> read = on -> {
        reads.add(on);
        ComplianceFactsReader.Shared s = BatchPageFactsTest.shared(operatorCountry);
        return new ComplianceFactsReader.Shared(on, s.dataCentres(), s.operators(), s.backupRetentionDays(), s.staff(), s.policy(),
                s.policyVersion(), s.tenantDataRetentionDays(), s.plans(), s.subProcessors(), s.transport(), s.controls(),
                s.availability(), s.checkpoint());
    };

    @Test
    void read_once_for_every_view_of_the_day() {
        LocalDate day = LocalDate.of(2026, 12, 6);
        ComplianceFactsReader.Shared first = cache.get(day, read);
        assertSame(first, cache.get(day, read));
        assertSame(first, cache.get(day, read));
        assertEquals(List.of(day), reads);
    }

    @Test
    void a_write_of_an_owning_module_voids_it_and_the_next_view_reads_the_change() {
        LocalDate day = LocalDate.of(2026, 12, 6);
        assertEquals("FR", cache.get(day, read).operators().get("Hébergeur SAS").headOfficeCountry());
        operatorCountry = "US"; // the operator moved its head office, written by the hosting module
        assertEquals("FR", cache.get(day, read).operators().get("Hébergeur SAS").headOfficeCountry(), "not written yet: kept");

        ReferenceWrites.GENERATION.changed(); // what the listener on the owning entities does at the write

        assertEquals("US", cache.get(day, read).operators().get("Hébergeur SAS").headOfficeCountry());
        assertEquals(2, reads.size());
    }

    @Test
    void another_day_is_read_for_that_day() {
        cache.get(LocalDate.of(2026, 12, 6), read);
        assertEquals(LocalDate.of(2026, 12, 7), cache.get(LocalDate.of(2026, 12, 7), read).on());
        assertEquals(List.of(LocalDate.of(2026, 12, 6), LocalDate.of(2026, 12, 7)), reads);
    }

    private final List<Set<String>> controlReads = new ArrayList<>();

    /** The timer's call: the value computed ahead, reading the controls of the servers asked for in one call. */
    private ComplianceFactsReader.Shared ahead(LocalDate day) {
        List<ComplianceFactsReader.Shared> computed = new ArrayList<>();
        NodeMemo.ahead(() -> computed.add(cache.ahead(day, read, servers -> {
            controlReads.add(servers);
            return servers.stream().collect(Collectors.toMap(s -> s, s -> List.of(new TenantFacts.Control(s, "BACKUP", "OK", null, null))));
        })));
        return computed.get(0);
    }

    @Test
    void computed_ahead_with_the_controls_of_the_servers_views_asked_for_so_that_views_read_neither() {
        LocalDate day = LocalDate.of(2026, 12, 6);
        cache.get(day, read); // a view read it
        cache.asked("GC-PROD-01");
        cache.asked("GC-PROD-02");
        ReferenceWrites.GENERATION.changed(); // out of date (as past half its window, without waiting for it)

        ComplianceFactsReader.Shared ahead = ahead(day);

        assertEquals(List.of(Set.of("GC-PROD-01", "GC-PROD-02")), controlReads, "both servers' controls in one call");
        assertEquals(Set.of("GC-PROD-01", "GC-PROD-02"), ahead.controls().keySet());
        assertSame(ahead, cache.get(day, read), "the next view finds it computed");
        assertEquals(2, reads.size());
    }

    @Test
    void the_next_computation_reads_the_controls_of_the_servers_asked_for_since_only() {
        LocalDate day = LocalDate.of(2026, 12, 6);
        cache.get(day, read);
        cache.asked("GC-PROD-01");
        ReferenceWrites.GENERATION.changed();
        ahead(day);
        cache.asked("GC-PROD-03");
        ReferenceWrites.GENERATION.changed();

        ComplianceFactsReader.Shared next = ahead(day);

        assertEquals(List.of(Set.of("GC-PROD-01"), Set.of("GC-PROD-03")), controlReads);
        assertEquals(Set.of("GC-PROD-03"), next.controls().keySet(), "a server no view asked for again is read by the view that asks");
    }

    @Test
    void not_computed_ahead_while_it_is_fresh_nor_the_controls_read() {
        LocalDate day = LocalDate.of(2026, 12, 6);
        ComplianceFactsReader.Shared first = cache.get(day, read);
        cache.asked("GC-PROD-01");

        assertSame(first, ahead(day));

        assertEquals(List.of(), controlReads);
        assertEquals(1, reads.size());
    }
}
