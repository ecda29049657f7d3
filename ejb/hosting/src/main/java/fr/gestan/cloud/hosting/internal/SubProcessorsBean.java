package fr.gestan.cloud.hosting.internal;

import fr.gestan.cloud.common.Paris;
import fr.gestan.cloud.common.Roles;
import fr.gestan.cloud.common.journal.JournalEvent;
import fr.gestan.cloud.common.notify.Notifications;
import fr.gestan.cloud.hosting.api.HostingRefusedException;
import fr.gestan.cloud.hosting.api.HostingRefusedException.Reason;
import fr.gestan.cloud.hosting.api.NewSubProcessor;
import fr.gestan.cloud.hosting.api.SubProcessorChangeKind;
import fr.gestan.cloud.hosting.api.SubProcessorRole;
import fr.gestan.cloud.hosting.api.SubProcessorView;
import fr.gestan.cloud.hosting.api.SubProcessors;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

@Stateless
@RolesAllowed({Roles.SUPPORT, Roles.ADMIN, Roles.AUDITOR})
public class SubProcessorsBean extends HostingServiceBase implements SubProcessors {

    static final String OPERATOR_SERVICES_FR = "hébergement des serveurs dans ses centres de données";
    static final String OPERATOR_SERVICES_EN = "hosting of the servers in its data centres";

    @EJB
    fr.gestan.cloud.security.api.SecurityPolicies policies;
    @EJB
    Notifications notifications;

    @Override
    @PermitAll
    public List<SubProcessorView> inEffect(LocalDate on) {
        return views(em.createNamedQuery(SubProcessor.IN_EFFECT, SubProcessor.class).setParameter("day", on).getResultList());
    }

    @Override
    public List<SubProcessorView> planned(LocalDate after) {
        return views(em.createNamedQuery(SubProcessor.PLANNED, SubProcessor.class).setParameter("day", after).getResultList());
    }

    @Override
    public List<SubProcessorView> all() {
        return views(em.createNamedQuery(SubProcessor.ALL, SubProcessor.class).getResultList());
    }

    private List<SubProcessorView> views(List<SubProcessor> list) {
        return views(em, list);
    }

    /** With each operator's data centres (the clients concerned by a change are those of these sites). */
    static List<SubProcessorView> views(EntityManager em, List<SubProcessor> list) {
        Map<Long, List<String>> codes = new HashMap<>();
        for (Object[] row : em.createNamedQuery(DataCentre.CODES_BY_OPERATOR, Object[].class).getResultList()) {
            codes.computeIfAbsent((Long) row[0], k -> new ArrayList<>()).add((String) row[1]);
        }
        return list.stream().map(s -> s.toView(s.operatorId() == null ? List.of() : codes.getOrDefault(s.operatorId(), List.of()))).toList();
    }

    @Override
    @RolesAllowed(Roles.ADMIN)
    public SubProcessorView add(NewSubProcessor r) {
        String name = r.name().strip();
        List<SubProcessor> same = em.createNamedQuery(SubProcessor.SAME_NAME, SubProcessor.class).setParameter("name", name).getResultList();
        // another entry of the same name may only follow one that ended before
        if (same.stream().anyMatch(s -> s.overlapsFrom(r.effectiveFrom()))) {
            throw new HostingRefusedException(Reason.DUPLICATE, name);
        }
        SubProcessor entry;
        if (r.role() == SubProcessorRole.HOSTING_OPERATOR) {
            HostingOperator operator = em.createNamedQuery(HostingOperator.BY_NAME, HostingOperator.class).setParameter("name", name)
                    .getResultList().stream().findFirst().orElseThrow(() -> new HostingRefusedException(Reason.NOT_FOUND, name));
            entry = SubProcessor.operator(operator, r.servicesFr(), r.servicesEn(), r.effectiveFrom(), now(), who());
        } else {
            if (r.largestNonEuShare() != null && r.totalNonEuShare() != null && r.largestNonEuShare().compareTo(r.totalNonEuShare()) > 0) {
                throw new HostingRefusedException(Reason.INVALID_SHARES, r.largestNonEuShare() + " > " + r.totalNonEuShare());
            }
            entry = SubProcessor.other(name, r.legalForm(), r.role(), r.country(), r.city(), r.parentGroup(), r.parentGroupCountry(),
                    r.largestNonEuShare(), r.totalNonEuShare(), r.servicesFr(), r.servicesEn(), r.effectiveFrom(), now(), who());
        }
        em.persist(entry);
        em.flush();
        SubProcessorView view = views(List.of(entry)).get(0);
        // GDPR art. 28(2): the clients concerned are told in the same transaction, with their objection period
        SubProcessorChange change = ChangeNotices.tell(em, notifications, entry, view, SubProcessorChangeKind.ADDED, r.effectiveFrom(), now(), who(), policies.current());
        journal.record(JournalEvent.success("SUB_PROCESSOR_ADDED", null, name + " (" + r.role() + ") from " + r.effectiveFrom()
                + ", change " + change.id() + " told until " + change.objectionUntil()));
        return view;
    }

    /** A hosting operator just entered is a sub-processor from that day (called by the inventory, same transaction). */
    static void operatorEntered(EntityManager em, HostingOperator operator, String by) {
        em.persist(SubProcessor.operator(operator, OPERATOR_SERVICES_FR, OPERATOR_SERVICES_EN, LocalDate.now(Paris.ZONE),
                Instant.now().truncatedTo(ChronoUnit.MICROS), by));
    }

    @Override
    @RolesAllowed(Roles.ADMIN)
    public SubProcessorView end(long id, LocalDate lastDay, String reason) {
        SubProcessor entry = em.find(SubProcessor.class, id);
        if (entry == null) {
            throw new HostingRefusedException(Reason.NOT_FOUND, "sub-processor " + id);
        }
        if (lastDay.isBefore(entry.effectiveFrom())) {
            throw new HostingRefusedException(Reason.END_BEFORE_START, lastDay + " < " + entry.effectiveFrom());
        }
        entry.endOn(lastDay);
        SubProcessorView view = views(List.of(entry)).get(0);
        SubProcessorChange change = ChangeNotices.tell(em, notifications, entry, view, SubProcessorChangeKind.ENDED, lastDay.plusDays(1), now(), who(), policies.current());
        journal.record(JournalEvent.success("SUB_PROCESSOR_ENDED", null, entry.name() + " last day " + lastDay + ": " + reason.strip()
                + ", change " + change.id()));
        return view;
    }

    private Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private String who() {
        return actor();
    }
}
