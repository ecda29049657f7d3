package fr.gestan.cloud.compliance.internal.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The content's lists are of one class whatever their size and however they were built (issue 19): the renderer,
 * compiled by the JIT on the certificates of one batch or warm-up, meets no other list class in the next (with
 * {@code List.copyOf} a list of one or two elements and a list of none or three had different classes, and the batch's
 * first certificates deoptimized the whole renderer compiled on the warm-up's).
 */
class CertificateContentTest {

    @Test
    void every_list_is_of_one_class_whatever_its_size_and_its_builder() {
        CertificateContent c = Samples.content("GC-2026-000123");
        CertificateContent.Obligation one = new CertificateContent.Obligation("R3-GDPR", "sign-processor-agreement", "");
        List<CertificateContent> contents = new ArrayList<>();
        for (List<CertificateContent.Obligation> obligations : List.of(List.<CertificateContent.Obligation>of(), List.of(one),
                List.of(one, one), List.of(one, one, one), new ArrayList<>(List.of(one)), Stream.of(one, one).toList())) {
            contents.add(new CertificateContent(c.number(), c.tenantName(), c.tenantSiren(), c.contracts(), c.policyVersion(), c.measures(),
                    c.rules(), c.checkpoint(), c.issuedAt(), c.validUntil(), c.verificationUrl(), null, c.availability(), obligations));
        }
        Set<Class<?>> classes = contents.stream().flatMap(x -> Stream.of(x.contracts(), x.measures(), x.rules(), x.availability(),
                x.clientObligations())).map(Object::getClass).collect(Collectors.toSet());
        assertEquals(1, classes.size(), classes::toString);
        assertEquals(List.of(3), contents.stream().skip(3).limit(1).map(x -> x.clientObligations().size()).toList());
    }

    @Test
    void its_lists_are_copies_that_cannot_be_changed() {
        CertificateContent c = Samples.content("GC-2026-000123");
        List<CertificateContent.Obligation> obligations = new ArrayList<>();
        obligations.add(new CertificateContent.Obligation("R3-GDPR", "sign-processor-agreement", ""));
        CertificateContent content = new CertificateContent(c.number(), c.tenantName(), c.tenantSiren(), c.contracts(), c.policyVersion(),
                c.measures(), c.rules(), c.checkpoint(), c.issuedAt(), c.validUntil(), c.verificationUrl(), null, null, obligations);
        obligations.clear();
        assertEquals(1, content.clientObligations().size());
        assertEquals(List.of(), content.availability());
        assertThrows(UnsupportedOperationException.class, () -> content.clientObligations().clear());
        assertThrows(NullPointerException.class, () -> new CertificateContent(c.number(), c.tenantName(), c.tenantSiren(),
                java.util.Arrays.asList((CertificateContent.ContractLine) null), c.policyVersion(), c.measures(), c.rules(), c.checkpoint(),
                c.issuedAt(), c.validUntil(), c.verificationUrl(), null));
    }
}
