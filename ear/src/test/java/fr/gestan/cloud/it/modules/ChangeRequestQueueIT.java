package fr.gestan.cloud.it.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.gestan.cloud.it.support.Deployments;
import fr.gestan.cloud.it.support.WithRoleCallers;
import fr.gestan.cloud.tenants.api.ChangeRequestStatus;
import fr.gestan.cloud.tenants.api.ChangeRequestTakenException;
import fr.gestan.cloud.tenants.api.ChangeRequestView;
import fr.gestan.cloud.tenants.api.TenantService;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.validation.ConstraintViolationException;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The staff queue of the clients' change requests: a support engineer takes a request (its assignee), nobody else
 * can take it from them, a closed request cannot be taken, only support takes; the queue filters by status and is
 * paginated in the database.
 */
@ExtendWith(ArquillianExtension.class)
class ChangeRequestQueueIT extends WithRoleCallers {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.modules(ChangeRequestQueueIT.class, List.of(AsUnclearedSupport.class), "gestan-tenants.jar");
    }

    @EJB
    TenantService tenants;
    @EJB
    AsUnclearedSupport otherEngineer;

    @Test
    void a_support_engineer_takes_a_new_request_which_nobody_else_can_take_then_closes_it() throws Exception {
        ChangeRequestView request = client.call(() -> tenants.requestChange("Nouveau contact de facturation : Léa Martin."));
        assertEquals(ChangeRequestStatus.NEW, request.status());
        assertNull(request.assignee());
        assertTrue(ids(support.call(() -> tenants.changeRequests("NEW", 0, 500))).contains(request.id()));

        ChangeRequestView taken = support.call(() -> tenants.takeChangeRequest(request.id()));
        assertEquals(ChangeRequestStatus.IN_PROGRESS, taken.status());
        assertEquals("support.it", taken.assignee());
        assertTrue(taken.assignedAt() != null);
        // taking one's own again changes nothing: the same time, as stored (the database rounds to the microsecond what the
        // first answer gave to the nanosecond, so truncating both to the millisecond could differ by one)
        java.time.Instant again = support.call(() -> tenants.takeChangeRequest(request.id())).assignedAt();
        assertTrue(java.time.Duration.between(taken.assignedAt(), again).abs().toNanos() < 1_000,
                taken.assignedAt() + " then " + again);

        ChangeRequestTakenException held = assertThrows(ChangeRequestTakenException.class,
                () -> otherEngineer.call(() -> tenants.takeChangeRequest(request.id())));
        assertEquals("support.it", held.assignee());
        // admins, auditors and clients handle no request: the EJB refuses them
        assertThrows(EJBAccessException.class, () -> admin.call(() -> tenants.takeChangeRequest(request.id())));
        assertThrows(EJBAccessException.class, () -> auditor.call(() -> tenants.takeChangeRequest(request.id())));
        assertThrows(EJBAccessException.class, () -> client.call(() -> tenants.takeChangeRequest(request.id())));

        assertTrue(!ids(support.call(() -> tenants.changeRequests("NEW", 0, 500))).contains(request.id()));
        assertTrue(ids(auditor.call(() -> tenants.changeRequests("IN_PROGRESS", 0, 500))).contains(request.id()));
        assertTrue(ids(support.call(() -> tenants.changeRequests("OPEN", 0, 500))).contains(request.id()));

        support.call(() -> tenants.closeChangeRequest(request.id(), "Contact mis à jour"));
        ChangeRequestTakenException closed = assertThrows(ChangeRequestTakenException.class,
                () -> otherEngineer.call(() -> tenants.takeChangeRequest(request.id())));
        assertNull(closed.assignee(), "refused because it is closed");
        ChangeRequestView done = support.call(() -> tenants.changeRequests("CLOSED", 0, 500)).stream()
                .filter(r -> r.id() == request.id()).findFirst().orElseThrow();
        assertEquals(ChangeRequestStatus.CLOSED, done.status());
        assertEquals("support.it", done.assignee());
        assertTrue(!ids(support.call(() -> tenants.changeRequests("OPEN", 0, 500))).contains(request.id()));
    }

    @Test
    void the_queue_is_paginated_and_counted_in_the_database_and_refuses_an_unknown_status() throws Exception {
        for (int i = 0; i < 3; i++) {
            int n = i;
            client.call(() -> tenants.requestChange("Demande de pagination " + n));
        }
        long all = support.call(() -> tenants.changeRequestCount("ALL"));
        long open = support.call(() -> tenants.changeRequestCount("OPEN"));
        long fresh = support.call(() -> tenants.changeRequestCount("NEW"));
        long inProgress = support.call(() -> tenants.changeRequestCount("IN_PROGRESS"));
        long closedCount = support.call(() -> tenants.changeRequestCount("CLOSED"));
        assertTrue(fresh >= 3);
        assertEquals(open, fresh + inProgress);
        assertEquals(all, open + closedCount);
        List<ChangeRequestView> first = support.call(() -> tenants.changeRequests("ALL", 0, 2));
        List<ChangeRequestView> second = support.call(() -> tenants.changeRequests("ALL", 2, 2));
        assertEquals(2, first.size());
        assertTrue(second.stream().noneMatch(r -> ids(first).contains(r.id())), "pages do not overlap");
        EJBException bad = assertThrows(EJBException.class, () -> support.call(() -> tenants.changeRequests("WHATEVER", 0, 10)));
        Throwable cause = bad;
        while (cause.getCause() != null && !(cause instanceof ConstraintViolationException)) {
            cause = cause.getCause();
        }
        assertTrue(cause instanceof ConstraintViolationException, bad.toString());
    }

    private static List<Long> ids(List<ChangeRequestView> views) {
        return views.stream().map(ChangeRequestView::id).toList();
    }
}
