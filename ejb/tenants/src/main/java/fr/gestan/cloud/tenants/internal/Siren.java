package fr.gestan.cloud.tenants.internal;

import fr.gestan.cloud.tenants.api.CompanyNumbers;

/** SIREN numbers: 9 digits whose Luhn checksum is valid (INSEE's rule). See {@link CompanyNumbers}. */
final class Siren {

    private Siren() {
    }

    static boolean isValid(String value) {
        return CompanyNumbers.isValidSiren(value);
    }
}
