package fr.gestan.cloud.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LuhnTest {

    @Test
    void the_check_digit_completes_a_number_and_a_wrong_one_is_refused() {
        assertEquals("842317653", Luhn.complete("84231765"));
        assertEquals("73282932000074", Luhn.complete("7328293200007"));
        assertTrue(Luhn.isValid("842317653"));
        assertFalse(Luhn.isValid("842317654"));
    }

    @Test
    void only_digits_are_numbers() {
        assertFalse(Luhn.isValid(null));
        assertFalse(Luhn.isValid(""));
        assertFalse(Luhn.isValid("84231765A"));
        assertFalse(Luhn.isValid("8423176/3"), "a character just below '0'");
        assertFalse(Luhn.isValid("84231765\u0663"), "a digit, but not an ASCII one");
        assertThrows(IllegalArgumentException.class, () -> Luhn.complete("12A"));
    }
}
