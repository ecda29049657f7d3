package fr.gestan.cloud.hosting.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.gestan.cloud.hosting.api.HostingRefusedException;
import fr.gestan.cloud.hosting.api.ServerRole;
import fr.gestan.cloud.hosting.api.ServiceLevel;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlacementTest {

    @Test
    void the_least_loaded_server_with_room_is_proposed() {
        var chosen = Placement.leastLoaded(List.of(
                new Placement.Candidate(1, "A", 100, 42),
                new Placement.Candidate(2, "B", 100, 27),
                new Placement.Candidate(3, "C", 100, 100)));
        assertEquals(2, chosen.orElseThrow().serverId());
    }

    @Test
    void load_is_compared_as_a_share_of_capacity_then_by_name() {
        var chosen = Placement.leastLoaded(List.of(
                new Placement.Candidate(1, "big", 200, 60),   // 30 %
                new Placement.Candidate(2, "small", 50, 20)));  // 40 %
        assertEquals(1, chosen.orElseThrow().serverId());
        var tie = Placement.leastLoaded(List.of(
                new Placement.Candidate(7, "B", 100, 10), new Placement.Candidate(8, "A", 100, 10)));
        assertEquals(8, tie.orElseThrow().serverId());
    }

    @Test
    void full_servers_are_never_proposed() {
        assertTrue(Placement.leastLoaded(List.of(new Placement.Candidate(1, "A", 100, 100),
                new Placement.Candidate(2, "B", 1, 1))).isEmpty());
        assertTrue(Placement.leastLoaded(List.of()).isEmpty());
    }

    @Test
    void a_backup_in_the_production_data_centre_is_refused() {
        DataCentre dc3 = new DataCentre("DC3", "Vitry-sur-Seine", "FR", "Scaleway SAS");
        DataCentre dc5 = new DataCentre("DC5", "Saint-Ouen-l'Aumône", "FR", "Scaleway SAS");
        HostingServer prod = new HostingServer("P", dc3, ServerRole.PRODUCTION, "std", 100);
        HostingServer sameSite = new HostingServer("B3", dc3, ServerRole.BACKUP, "std", 100);
        HostingServer otherSite = new HostingServer("B5", dc5, ServerRole.BACKUP, "std", 100);
        var refused = assertThrows(HostingRefusedException.class, () -> contract(prod, sameSite, null));
        assertEquals(HostingRefusedException.Reason.BACKUP_SAME_SITE, refused.reason());
        assertEquals(HostingRefusedException.Reason.WRONG_ROLE,
                assertThrows(HostingRefusedException.class, () -> contract(prod, prod, null)).reason());
        assertEquals(HostingRefusedException.Reason.END_BEFORE_START,
                assertThrows(HostingRefusedException.class, () -> contract(prod, otherSite, LocalDate.of(2025, 12, 31))).reason());
        HostingContract ok = contract(prod, otherSite, null);
        assertEquals("CREATED", ok.history().get(0).toView().kind());
    }

    @Test
    void the_lifecycle_goes_draft_active_terminated_and_keeps_its_history() {
        DataCentre dc3 = new DataCentre("DC3", "Vitry-sur-Seine", "FR", "Scaleway SAS");
        DataCentre dc5 = new DataCentre("DC5", "Saint-Ouen-l'Aumône", "FR", "Scaleway SAS");
        HostingContract c = contract(new HostingServer("P", dc3, ServerRole.PRODUCTION, "std", 100),
                new HostingServer("B", dc5, ServerRole.BACKUP, "std", 100), null);
        c.activate("support.demo", Instant.parse("2026-02-01T10:00:00Z"));
        assertThrows(HostingRefusedException.class, () -> c.activate("support.demo", Instant.now()));
        c.terminate("support.demo", Instant.parse("2026-06-01T10:00:00Z"), "end of engagement");
        assertThrows(HostingRefusedException.class, () -> c.terminate("support.demo", Instant.now(), "again"));
        assertEquals(List.of("CREATED", "ACTIVATED", "TERMINATED"), c.history().stream().map(e -> e.toView().kind()).toList());
        assertEquals(LocalDate.of(2026, 6, 1), c.endsOn());
    }

    private static HostingContract contract(HostingServer prod, HostingServer backup, LocalDate end) {
        return new HostingContract("842317653", "Gestan ERP Cloud", LocalDate.of(2026, 1, 1), end, true,
                ServiceLevel.STANDARD, prod, backup, 10, "support.demo", Instant.parse("2026-01-01T09:00:00Z"));
    }
}
