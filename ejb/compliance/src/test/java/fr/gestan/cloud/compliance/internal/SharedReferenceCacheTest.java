package fr.gestan.cloud.compliance.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import fr.gestan.cloud.common.persistence.ReferenceWrites;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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
}
