package fr.gestan.cloud.compliance.internal.documents;

import fr.gestan.cloud.common.Paris;
import fr.gestan.cloud.common.Shown;
import fr.gestan.cloud.compliance.api.AgreementChangeNotice;
import fr.gestan.cloud.hosting.api.SubProcessorChangeKind;
import fr.gestan.cloud.hosting.api.SubProcessorChangeView;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The sub-processor change notices (hosting's stored change rows, GDPR art. 28(2)) that made an agreement's
 * acceptance outdated, and how the agreement's PDF cites them. The agreement lists the sub-processors in effect, so a
 * change outdates an acceptance once it is in effect, if it was notified or took effect after that acceptance.
 */
public final class ChangeNoticeLines {

    /** At most that many notices are cited (the newest): the portal page lists them all. */
    static final int MAX = 5;

    private ChangeNoticeLines() {
    }

    /** The notices, newest first, that took effect by {@code today} since the acceptance at {@code acceptedAt}. */
    public static List<AgreementChangeNotice> outdatedBy(List<SubProcessorChangeView> told, Instant acceptedAt, LocalDate today) {
        if (acceptedAt == null) {
            return List.of();
        }
        LocalDate acceptedOn = LocalDate.ofInstant(acceptedAt, Paris.ZONE);
        return told.stream()
                .filter(c -> !c.effectiveOn().isAfter(today) && (c.notifiedAt().isAfter(acceptedAt) || c.effectiveOn().isAfter(acceptedOn)))
                .limit(MAX)
                .map(c -> new AgreementChangeNotice(c.id(), c.notifiedAt(), c.kind().name(), c.name(), c.newOwner(), c.newOwnerCountry(),
                        c.effectiveOn(), c.portalPath()))
                .toList();
    }

    /** The trailer's lines, French then English for each notice; {@code baseUrl}: the portal's public address. */
    static List<String> lines(List<AgreementChangeNotice> notices, String baseUrl) {
        List<String> lines = new ArrayList<>();
        for (AgreementChangeNotice n : notices) {
            String owner = n.newOwner() == null ? "" : " : " + n.newOwner() + " (" + n.newOwnerCountry() + ")";
            String ownerEn = n.newOwner() == null ? "" : ": " + n.newOwner() + " (" + n.newOwnerCountry() + ")";
            LocalDate notified = ZonedDateTime.ofInstant(n.notifiedAt(), Paris.ZONE).toLocalDate();
            String url = baseUrl + n.portalPath();
            lines.add("Cette version fait suite à la notification n° " + n.changeId() + " du " + notified.format(Shown.DATE) + " : "
                    + n.name() + " — " + kindFr(n.kind()) + owner + " à compter du " + n.effectiveOn().format(Shown.DATE) + " (" + url + ").");
            lines.add("This version follows notice no. " + n.changeId() + " of " + notified + ": " + n.name() + " — " + kindEn(n.kind())
                    + ownerEn + " from " + n.effectiveOn() + " (" + url + ").");
        }
        return lines;
    }

    static String kindFr(String kind) {
        return switch (SubProcessorChangeKind.valueOf(kind)) {
            case ADDED -> "ajout";
            case ENDED -> "fin";
            case OWNER_CHANGED -> "changement de contrôle de l'hébergeur";
        };
    }

    static String kindEn(String kind) {
        return switch (SubProcessorChangeKind.valueOf(kind)) {
            case ADDED -> "added";
            case ENDED -> "ending";
            case OWNER_CHANGED -> "change of the operator's controlling owner";
        };
    }
}
