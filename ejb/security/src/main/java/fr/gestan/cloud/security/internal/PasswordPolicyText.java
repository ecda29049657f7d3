package fr.gestan.cloud.security.internal;

import java.util.Map;
import java.util.TreeMap;

/**
 * Keycloak's password policy text ({@code length(12) and digits(1) and ...}) as its rules and their values, so that two
 * texts listing the same rules in another order, or with other spacing, compare equal.
 */
final class PasswordPolicyText {

    private PasswordPolicyText() {
    }

    /** Rule name to value ("" when the rule has none); an empty text gives no rule. */
    static Map<String, String> parse(String text) {
        Map<String, String> rules = new TreeMap<>();
        if (text == null || text.isBlank()) {
            return rules;
        }
        for (String part : text.split("\\s+and\\s+")) {
            String rule = part.strip();
            int open = rule.indexOf('(');
            if (open < 0) {
                rules.put(rule, "");
            } else {
                int close = rule.lastIndexOf(')');
                rules.put(rule.substring(0, open).strip(), rule.substring(open + 1, close < open ? rule.length() : close).strip());
            }
        }
        return rules;
    }
}
