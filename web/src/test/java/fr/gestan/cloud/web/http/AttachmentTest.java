package fr.gestan.cloud.web.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AttachmentTest {

    @Test
    void a_plain_name_is_sent_as_it_is() {
        assertEquals("attachment; filename=\"attestation-GC-2026-000042.pdf\"", Attachment.disposition("attestation-GC-2026-000042.pdf"));
        assertEquals("attachment; filename=\"gestan-export-842317653-7.zip\"", Attachment.disposition("gestan-export-842317653-7.zip"));
    }

    @Test
    void another_name_gets_an_ascii_stand_in_and_its_exact_utf8_form() {
        assertEquals("attachment; filename=\"pra-Serveur__t_.pdf\"; filename*=UTF-8''pra-Serveur%20%C3%A9t%C3%A9.pdf",
                Attachment.disposition("pra-Serveur été.pdf"));
        assertEquals("attachment; filename=\"a_b_c.pdf\"; filename*=UTF-8''a%22b%3Bc.pdf", Attachment.disposition("a\"b;c.pdf"),
                "a quote or a semicolon cannot end the header's value");
    }
}
