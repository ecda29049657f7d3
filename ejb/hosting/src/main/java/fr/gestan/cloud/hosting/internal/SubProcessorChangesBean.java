package fr.gestan.cloud.hosting.internal;

import fr.gestan.cloud.common.Paris;
import fr.gestan.cloud.common.Roles;
import fr.gestan.cloud.common.journal.JournalEvent;
import fr.gestan.cloud.common.tenancy.TenantRef;
import fr.gestan.cloud.hosting.api.ChangeAnswer;
import fr.gestan.cloud.hosting.api.ChangeAnswerView;
import fr.gestan.cloud.hosting.api.HostingRefusedException;
import fr.gestan.cloud.hosting.api.HostingRefusedException.Reason;
import fr.gestan.cloud.hosting.api.MyChangeView;
import fr.gestan.cloud.hosting.api.SubProcessorChangeView;
import fr.gestan.cloud.hosting.api.SubProcessorChanges;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

@Stateless
@RolesAllowed({Roles.SUPPORT, Roles.ADMIN, Roles.AUDITOR})
public class SubProcessorChangesBean extends HostingServiceBase implements SubProcessorChanges {

    @Override
    public List<SubProcessorChangeView> changes() {
        Map<Long, long[]> counts = new HashMap<>();
        for (Object[] row : em.createNamedQuery(SubProcessorChange.COUNTS, Object[].class).getResultList()) {
            counts.put((Long) row[0], new long[] {number(row[1]), number(row[2]), number(row[3])});
        }
        return em.createNamedQuery(SubProcessorChange.ALL, SubProcessorChange.class).setMaxResults(500).getResultList().stream()
                .map(c -> {
                    long[] n = counts.getOrDefault(c.id(), new long[3]);
                    return c.toView(n[0], n[1], n[2]);
                }).toList();
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    @Override
    public List<ChangeAnswerView> answers(long changeId) {
        return em.createNamedQuery(ChangeClient.OF_CHANGE, ChangeClient.class).setParameter("change", changeId)
                .getResultList().stream().map(ChangeClient::toView).toList();
    }

    @Override
    @RolesAllowed({Roles.CLIENT, Roles.SUPPORT, Roles.ADMIN, Roles.AUDITOR})
    public List<SubProcessorChangeView> toldTo(@TenantRef(checkedInBody = true) String tenantSiren) {
        // another company's: an empty list, as if it had been told nothing
        if (tenantSiren == null || !tenancy.mayAccess(tenantSiren)) {
            return List.of();
        }
        // what the company was told, not the others' answers
        return em.createNamedQuery(SubProcessorChange.TOLD_TO, SubProcessorChange.class).setParameter("siren", tenantSiren)
                .setMaxResults(200).getResultList().stream().map(c -> c.toView(0, 0, 0)).toList();
    }

    @Override
    @RolesAllowed(Roles.CLIENT)
    public List<MyChangeView> mine() {
        String siren = tenancy.tenantOfCaller().orElse(null);
        if (siren == null) {
            return List.of();
        }
        LocalDate today = LocalDate.now(Paris.ZONE);
        return em.createNamedQuery(ChangeClient.OF_TENANT, ChangeClient.class).setParameter("siren", siren).setMaxResults(200)
                .getResultList().stream().map(a -> mine(a, today)).toList();
    }

    private MyChangeView mine(ChangeClient told, LocalDate today) {
        // a client sees what it was told and its own answer, not the others' counts
        return new MyChangeView(told.change().toView(0, 0, 0), told.toView(), told.change().openOn(today));
    }

    @Override
    @RolesAllowed(Roles.CLIENT)
    public MyChangeView answer(long changeId, ChangeAnswer answer, String comment) {
        String siren = tenancy.tenantOfCaller().orElseThrow(() -> new HostingRefusedException(Reason.NOT_FOUND, "change " + changeId));
        ChangeClient told = em.createNamedQuery(ChangeClient.ONE, ChangeClient.class).setParameter("siren", siren)
                .setParameter("change", changeId).getResultList().stream().findFirst()
                .orElseThrow(() -> new HostingRefusedException(Reason.NOT_FOUND, "change " + changeId));
        LocalDate today = LocalDate.now(Paris.ZONE);
        if (!told.change().openOn(today)) {
            throw new HostingRefusedException(Reason.OBJECTION_PERIOD_OVER, told.change().objectionUntil().toString());
        }
        if (answer == ChangeAnswer.OBJECTED && (comment == null || comment.isBlank())) {
            throw new HostingRefusedException(Reason.COMMENT_REQUIRED, null);
        }
        told.answer(answer, comment, actor(), Instant.now().truncatedTo(ChronoUnit.MICROS));
        String name = told.change().subProcessor().name();
        journal.record(new JournalEvent("SUB_PROCESSOR_" + answer.name(), siren, name + " (" + told.change().kind() + " on "
                + told.change().effectiveOn() + ", change " + changeId + ")", JournalEvent.Outcome.SUCCESS,
                comment == null || comment.isBlank() ? null : comment.strip()));
        return mine(told, today);
    }
}
