package fr.gestan.cloud.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.gestan.cloud.common.Luhn;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdsTest {

    /** As many SIRENs as a suite run creates several times over: independent random draws repeated some of them. */
    @Test
    void sirens_of_one_jvm_never_repeat_and_stay_out_of_the_scale_seeding_range() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200_000; i++) {
            String siren = Ids.siren();
            assertTrue(seen.add(siren), () -> "drawn twice: " + siren);
            assertTrue(Luhn.isValid(siren), siren);
            assertTrue(Integer.parseInt(siren.substring(0, 8)) < 70_000_000, siren);
        }
        assertEquals(200_000, seen.size());
    }
}
