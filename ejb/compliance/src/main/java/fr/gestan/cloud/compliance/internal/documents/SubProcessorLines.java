package fr.gestan.cloud.compliance.internal.documents;

import fr.gestan.cloud.common.Shown;
import fr.gestan.cloud.hosting.api.SubProcessorRole;
import fr.gestan.cloud.hosting.api.SubProcessorView;
import java.util.List;

/**
 * How a sub-processor of hosting's list ({@code SubProcessors}) is printed, in French and English: the same line on
 * {@code /trust}, in the record of processing and, for those that are not a site's operator, in the processor
 * agreement. The rules R3/R4 read the same list.
 */
public final class SubProcessorLines {

    private SubProcessorLines() {
    }

    static String roleFr(SubProcessorRole role) {
        return switch (role) {
            case HOSTING_OPERATOR -> "Hébergeur";
            case SECURITY_MONITORING -> "Surveillance de sécurité";
            case OTHER -> "Autre prestataire";
        };
    }

    static String roleEn(SubProcessorRole role) {
        return switch (role) {
            case HOSTING_OPERATOR -> "Hosting operator";
            case SECURITY_MONITORING -> "Security monitoring";
            case OTHER -> "Other provider";
        };
    }

    /** {French, English} for one sub-processor. */
    public static String[] line(SubProcessorView s) {
        String name = Names.withForm(s.name(), s.legalForm());
        String where = Names.country(s.country(), java.util.Locale.FRENCH) + (s.city() == null ? "" : ", " + s.city());
        String whereEn = Names.country(s.country(), java.util.Locale.ENGLISH) + (s.city() == null ? "" : ", " + s.city());
        String groupFr = s.parentGroup() == null ? "" : ", " + Names.groupFr(s.parentGroup())
                + (s.parentGroupCountry() == null ? "" : " (" + Names.country(s.parentGroupCountry(), java.util.Locale.FRENCH) + ")");
        String groupEn = s.parentGroup() == null ? "" : ", " + Names.groupEn(s.parentGroup())
                + (s.parentGroupCountry() == null ? "" : " (" + Names.country(s.parentGroupCountry(), java.util.Locale.ENGLISH) + ")");
        String dcs = s.dataCentres().isEmpty() ? "" : String.join(", ", s.dataCentres());
        String until = s.effectiveUntil() == null ? "" : " au " + s.effectiveUntil().format(Shown.DATE);
        String untilEn = s.effectiveUntil() == null ? "" : " to " + s.effectiveUntil();
        return new String[]{
                roleFr(s.role()) + " : " + name + ", siège : " + where + groupFr + " ; " + s.servicesFr()
                        + (dcs.isEmpty() ? "" : " (centres de données " + dcs + ")") + " ; en vigueur du "
                        + s.effectiveFrom().format(Shown.DATE) + until + ".",
                roleEn(s.role()) + ": " + name + ", head office: " + whereEn + groupEn + "; " + s.servicesEn()
                        + (dcs.isEmpty() ? "" : " (data centres " + dcs + ")") + "; in effect from " + s.effectiveFrom() + untilEn + "."};
    }

    /** A section listing the sub-processors in effect. */
    public static void section(DocumentText.Builder b, List<SubProcessorView> list) {
        b.section("Sous-traitants ultérieurs", "Sub-processors");
        if (list.isEmpty()) {
            b.text("Aucun sous-traitant ultérieur en vigueur.", "No sub-processor in effect.");
        }
        for (SubProcessorView s : list) {
            String[] line = line(s);
            b.text(line[0], line[1]);
        }
    }
}
