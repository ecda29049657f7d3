package fr.gestan.cloud.compliance.internal.documents;

import java.util.Locale;

/** How the public documents name companies, groups and countries (one way for /trust and the agreements). */
public final class Names {

    private Names() {
    }

    /** "Scaleway SAS", not "Scaleway SAS (SAS)": the legal form only when the name does not already end with it. */
    public static String withForm(String name, String form) {
        if (form == null || form.isBlank()) {
            return name;
        }
        String n = name.strip().toUpperCase(Locale.ROOT);
        String f = form.strip().toUpperCase(Locale.ROOT);
        return n.endsWith(" " + f) || n.equals(f) ? name : name + " (" + form + ")";
    }

    /** "groupe Iliad", not "groupe Groupe Iliad". */
    public static String groupFr(String group) {
        String g = group.strip();
        return g.toLowerCase(Locale.ROOT).startsWith("groupe ") ? "groupe " + g.substring(7) : "groupe " + g;
    }

    /** "part of Iliad group"... kept as the group's own name: "part of Groupe Iliad". */
    public static String groupEn(String group) {
        return "part of " + group.strip();
    }

    /** A country's name in that language ("France"), not its ISO code; the code itself when unknown. */
    public static String country(String code, Locale language) {
        if (code == null || code.isBlank()) {
            return "?";
        }
        String c = code.strip().toUpperCase(Locale.ROOT);
        String name = new Locale("", c).getDisplayCountry(language);
        return name.isBlank() || name.equalsIgnoreCase(c) ? code : name;
    }
}
