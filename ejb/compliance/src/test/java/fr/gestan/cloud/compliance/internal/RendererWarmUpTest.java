package fr.gestan.cloud.compliance.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.gestan.cloud.common.health.WarmUp;
import fr.gestan.cloud.common.keys.KeyRing;
import fr.gestan.cloud.compliance.internal.pdf.SigningKey;
import fr.gestan.cloud.compliance.internal.pdf.SigningKeyRing;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The renderer's warm-up after a start: only once the node is ready, and a bounded number of throwaway renders. */
class RendererWarmUpTest {

    @Test
    void it_waits_for_the_web_modules_warm_up_or_without_one_for_a_while() {
        assertFalse(RendererWarmUp.ready(WarmUp.State.RUNNING, 0));
        assertFalse(RendererWarmUp.ready(WarmUp.State.RUNNING, RendererWarmUp.GIVE_UP_MS), "never while readiness is held");
        assertTrue(RendererWarmUp.ready(WarmUp.State.DONE, 0));
        assertTrue(RendererWarmUp.ready(WarmUp.State.FAILED, 0), "the pages are built on first use: the renderer may warm");
        assertFalse(RendererWarmUp.ready(WarmUp.State.NONE, RendererWarmUp.WITHOUT_WEB_MS - 1), "the web module may not have started yet");
        assertTrue(RendererWarmUp.ready(WarmUp.State.NONE, RendererWarmUp.WITHOUT_WEB_MS));
    }

    @Test
    void it_renders_and_signs_as_many_certificates_as_asked(@TempDir Path dir) {
        SigningKeyRing keys = SigningKeyRing.load(dir.resolve("certificate-signing.p12"), null, SigningKey.DEFAULT_ALIAS,
                new KeyRing(dir.resolve("ring"), ".p12"));
        assertEquals(3, RendererWarmUp.warm(3, keys.activeSigner()));
        assertEquals(0, RendererWarmUp.warm(0, keys.activeSigner()));
    }

    @Test
    void the_number_of_renders_is_a_setting_and_zero_turns_it_off() {
        assertEquals(RendererWarmUp.RENDERS, RendererWarmUp.renders());
        System.setProperty(RendererWarmUp.RENDERS_PROPERTY, "0");
        try {
            assertEquals(0, RendererWarmUp.renders());
        } finally {
            System.clearProperty(RendererWarmUp.RENDERS_PROPERTY);
        }
    }
}
