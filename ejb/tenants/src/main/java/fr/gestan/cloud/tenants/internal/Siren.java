package fr.gestan.cloud.tenants.internal;

/**
 * SIREN numbers: 9 digits whose Luhn checksum is valid (INSEE's rule).
 */
final class Siren {

    private Siren() {
    }

    static boolean isValid(String value) {
        return value != null && value.matches("\\d{9}") && luhn(value);
    }

    static boolean luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return sum % 10 == 0;
    }
}
