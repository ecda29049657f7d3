package fr.gestan.cloud.hosting.internal;

import java.util.Locale;

/** Argument checks shared by the entities (the last line of defence behind Bean Validation). */
final class Checks {

    private Checks() {
    }

    static String required(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " is required");
        }
        return value.strip();
    }

    static String country(String value) {
        String code = required(value, "country code").toUpperCase(Locale.ROOT);
        if (!code.matches("[A-Z]{2}")) {
            throw new IllegalArgumentException("country code must be ISO 3166-1 alpha-2: " + value);
        }
        return code;
    }
}
