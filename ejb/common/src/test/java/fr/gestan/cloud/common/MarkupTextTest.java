package fr.gestan.cloud.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MarkupTextTest {

    @Test
    void markup_characters_become_entities_and_the_rest_stays() {
        assertEquals("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;", MarkupText.escape("<script>alert(\"x\")</script>"));
        assertEquals("Tom &amp; Jerry&#39;s — été", MarkupText.escape("Tom & Jerry's — été"));
        assertEquals("&amp;amp;", MarkupText.escape("&amp;"));
        assertEquals("", MarkupText.escape(""));
    }
}
