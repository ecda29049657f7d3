package fr.gestan.cloud.tenants.internal;

import java.security.SecureRandom;
import java.util.List;

/**
 * Random secrets for hosted accounts: drawn with {@link SecureRandom} from an alphabet without look-alike characters
 * (no 0/O/o, 1/l/I, no quotes or spaces), at least the policy's length, with one character of each required class,
 * and never less than {@value #MIN_ENTROPY_BITS} bits of entropy (the length grows until it is reached).
 */
final class SecretGenerator {

    static final double MIN_ENTROPY_BITS = 90;

    static final String LOWER = "abcdefghijkmnpqrstuvwxyz";
    static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    static final String DIGITS = "23456789";
    static final String SYMBOLS = "#$%*+-=?@_!";
    private static final List<String> CLASSES = List.of(LOWER, UPPER, DIGITS, SYMBOLS);

    private final SecureRandom random;
    private final List<String> classes;
    private final String alphabet;
    private final int length;

    /**
     * @param minLength  the policy's minimum length
     * @param minClasses the policy's number of character classes (3: letters and digits, 4: with symbols)
     */
    SecretGenerator(SecureRandom random, int minLength, int minClasses) {
        if (minClasses < 1 || minClasses > CLASSES.size()) {
            throw new IllegalArgumentException("1 to 4 character classes");
        }
        this.random = random;
        this.classes = CLASSES.subList(0, Math.max(3, minClasses));
        this.alphabet = String.join("", classes);
        int n = Math.max(minLength, classes.size());
        while (entropyBits(n) < MIN_ENTROPY_BITS) {
            n++;
        }
        this.length = n;
    }

    String alphabet() {
        return alphabet;
    }

    int length() {
        return length;
    }

    /**
     * The exact entropy of a uniformly drawn secret of {@code n} characters that holds every required class:
     * log2 of the number of such strings (inclusion-exclusion over the classes that could be missing).
     */
    double entropyBits(int n) {
        int a = alphabet.length();
        double fraction = 0;
        int k = classes.size();
        for (int mask = 0; mask < (1 << k); mask++) {
            int missing = 0;
            for (int c = 0; c < k; c++) {
                if ((mask & (1 << c)) != 0) {
                    missing += classes.get(c).length();
                }
            }
            double term = Math.pow((double) (a - missing) / a, n);
            fraction += Integer.bitCount(mask) % 2 == 0 ? term : -term;
        }
        return n * (Math.log(a) / Math.log(2)) + Math.log(fraction) / Math.log(2);
    }

    double entropyBits() {
        return entropyBits(length);
    }

    /** A new secret. Drawn uniformly, redrawn until it holds every class (so the result stays uniform). */
    char[] next() {
        char[] secret = new char[length];
        do {
            for (int i = 0; i < length; i++) {
                secret[i] = alphabet.charAt(random.nextInt(alphabet.length()));
            }
        } while (!holdsEveryClass(secret));
        return secret;
    }

    boolean holdsEveryClass(char[] secret) {
        for (String c : classes) {
            boolean found = false;
            for (char ch : secret) {
                if (c.indexOf(ch) >= 0) {
                    found = true;
                    break;
                }
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }
}
