package fr.gestan.cloud.web.http.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The messages below are the parsers' own (Yasson, Parsson, Jackson), as RESTEasy wraps them. */
class MalformedInputTest {

    @Test
    void an_unknown_enum_value_names_its_field_never_the_class() {
        MalformedInput m = MalformedInput.of(new ProcessingException("RESTEASY008200: JSON Binding deserialization error: "
                + "jakarta.json.bind.JsonbException: Unable to deserialize property 'dataKinds' because of: No enum constant "
                + "fr.gestan.cloud.tenants.api.HostedDataKind.BOGUS", new JsonbException("Unable to deserialize property 'dataKinds' because of: No enum constant fr.gestan.cloud.tenants.api.HostedDataKind.BOGUS")));
        assertEquals(400, m.status());
        assertEquals("dataKinds", m.field());
        String body = Problems.body(Locale.FRENCH, m.status(), m.code(), m.detailKey(), m.field());
        assertTrue(body.contains("\"field\":\"dataKinds\""), body);
        assertFalse(body.contains("fr.gestan") || body.contains("Exception") || body.contains("RESTEASY"), body);
    }

    @Test
    void nested_properties_and_jackson_reference_chains_give_a_path() {
        assertEquals("address.city", MalformedInput.of(new JsonbException(
                "Unable to deserialize property 'address' because of: Unable to deserialize property 'city' because of: x")).field());
        assertEquals("address.lines[2]", MalformedInput.of(new ProcessingException(new JsonException(
                "Cannot deserialize value of type `java.lang.String` from Object value\n at [Source: (x); line: 1, column: 2] "
                        + "(through reference chain: fr.gestan.cloud.tenants.api.TenantDetails[\"address\"]->x.PostalAddress[\"lines\"]->java.util.ArrayList[2])"))).field());
    }

    @Test
    void an_array_for_an_object_a_bogus_charset_and_deep_nesting_are_client_errors() {
        MalformedInput array = MalformedInput.of(new ProcessingException(new JsonbException(
                "Can't deserialize JSON array into: class fr.gestan.cloud.tenants.api.TenantDetails")));
        assertEquals("not-an-object", array.code());
        assertNull(array.field());
        assertEquals(415, MalformedInput.of(new ProcessingException(new UnsupportedCharsetException("bogus"))).status());
        assertEquals("too-deep", MalformedInput.of(new ProcessingException(new StackOverflowError())).code());
        assertEquals("too-deep", MalformedInput.of(new JsonException("Input is too deeply nested 1001")).code());
        assertNull(MalformedInput.of(new IllegalStateException("a bug of ours")), "not the client's fault");
    }

    @Test
    void a_field_name_is_only_echoed_when_it_looks_like_one() {
        assertNull(MalformedInput.field("property '<script>alert(1)</script>'"));
    }

    @Test
    void english_and_french_texts_exist_for_every_key() throws Exception {
        var fr = new java.util.Properties();
        var en = new java.util.Properties();
        try (var a = getClass().getResourceAsStream("/fr/gestan/cloud/web/http/problems_fr.properties");
             var b = getClass().getResourceAsStream("/fr/gestan/cloud/web/http/problems_en.properties")) {
            fr.load(new java.io.InputStreamReader(a, java.nio.charset.StandardCharsets.UTF_8));
            en.load(new java.io.InputStreamReader(b, java.nio.charset.StandardCharsets.UTF_8));
        }
        assertEquals(fr.keySet(), en.keySet());
        assertTrue(Problems.body(Locale.ENGLISH, 400, "x", "detail.malformed-field", "siren").contains("The field \\\"siren\\\""));
        assertTrue(Problems.body(Locale.FRENCH, 400, "x", "detail.malformed-field", "siren").contains("n'a pas"));
    }

    @Test
    void a_nul_character_is_found_in_nested_records_lists_and_maps() {
        record Contact(String name, List<String> phones) {
        }
        record Body(String title, Contact contact, Map<String, String> extra, Set<String> tags) {
        }
        assertNull(NulCharacterCheck.find(new Body("a", new Contact("b", List.of("1")), Map.of("k", "v"), Set.of("t")), "", 0));
        assertEquals("contact.phones[1]", NulCharacterCheck.find(new Body("a", new Contact("b", List.of("1", "2\0")), Map.of(), Set.of()), "", 0));
        assertEquals("extra.k", NulCharacterCheck.find(new Body("a", null, Map.of("k", "\0"), Set.of()), "", 0));
        assertEquals("", NulCharacterCheck.find("raw\0", "", 0));
    }
}
