package fr.gestan.cloud.hosting.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.gestan.cloud.hosting.api.RecoveryPlanView;
import fr.gestan.cloud.hosting.api.RecoveryPlanView.Source;
import fr.gestan.cloud.hosting.api.RecoveryPlanView.Step;
import fr.gestan.cloud.hosting.api.RecoveryPlanView.TenantSlot;
import fr.gestan.cloud.hosting.api.ServiceLevel;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class RecoveryPdfTest {

    static final RecoveryPlanView PLAN = new RecoveryPlanView(7, "gc-prod-01", "PAR1",
            List.of(new Step("NEW_SERVER", 0, 240, Source.SETTING), new Step("REMOUNT", 240, 60, new Source(true, LocalDate.of(2026, 3, 2))),
                    new Step("DATA", 300, 700, Source.SETTING)),
            List.of(new TenantSlot(1, 11, "842317653", ServiceLevel.PREMIUM, 200, 300, 400, Source.SETTING),
                    new TenantSlot(2, 12, "552100554", ServiceLevel.ESSENTIAL, 300, 700, 300, Source.SETTING)),
            300, 1000);

    @Test
    void the_plan_renders_in_both_languages_with_the_shared_embedded_font() {
        for (Locale locale : List.of(Locale.FRENCH, Locale.ENGLISH)) {
            byte[] pdf = RecoveryPdf.render(PLAN, locale);
            String raw = new String(pdf, StandardCharsets.ISO_8859_1);
            assertTrue(raw.startsWith("%PDF-"), "a PDF in " + locale);
            assertTrue(raw.contains("LiberationSans-Bold") && raw.contains("LiberationSans"), "Liberation Sans embedded in " + locale);
        }
    }
}
