package fr.gestan.cloud.web.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import jakarta.ejb.EJBException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MessagesTest {

    @Test
    void a_violation_is_shown_on_the_field_its_path_names() {
        assertEquals("administrative-email", Messages.fieldOf("update.arg2.administrative.email", Map.of()));
        assertEquals("siren", Messages.fieldOf("create.arg0.siren", Map.of()));
        assertNull(Messages.fieldOf("create.arg0", Map.of()), "a violation of the whole argument is global");
        assertEquals("address-postalCode",
                Messages.fieldOf("update.arg1.address.postalCodeValidForCountry", Map.of("address.postalCodeValidForCountry", "address.postalCode")));
    }

    @Test
    void the_violations_are_found_in_the_causes_of_an_ejb_exception() {
        Set<ConstraintViolation<?>> none = Set.of();
        ConstraintViolationException invalid = new ConstraintViolationException(none);
        assertSame(invalid.getConstraintViolations(), Messages.violationsOf(new EJBException(invalid)));
        assertNull(Messages.violationsOf(new EJBException(new IllegalStateException())));
    }
}
