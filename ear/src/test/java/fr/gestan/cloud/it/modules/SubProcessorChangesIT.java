package fr.gestan.cloud.it.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.gestan.cloud.common.Paris;
import fr.gestan.cloud.hosting.api.ChangeAnswer;
import fr.gestan.cloud.hosting.api.ChangeAnswerView;
import fr.gestan.cloud.hosting.api.HostingRefusedException;
import fr.gestan.cloud.hosting.api.MyChangeView;
import fr.gestan.cloud.hosting.api.NewSubProcessor;
import fr.gestan.cloud.hosting.api.SubProcessorChangeKind;
import fr.gestan.cloud.hosting.api.SubProcessorChangeView;
import fr.gestan.cloud.hosting.api.SubProcessorChanges;
import fr.gestan.cloud.hosting.api.SubProcessorRole;
import fr.gestan.cloud.hosting.api.SubProcessorView;
import fr.gestan.cloud.hosting.api.SubProcessors;
import fr.gestan.cloud.it.support.CaughtMail;
import fr.gestan.cloud.it.support.Deployments;
import fr.gestan.cloud.it.support.Ids;
import fr.gestan.cloud.it.support.WithRoleCallers;
import fr.gestan.cloud.notifications.api.NotificationDesk;
import fr.gestan.cloud.security.api.JournalQuery;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * GDPR art. 28(2), issue 16: a sub-processor added by an administrator is told, in the same transaction, to every
 * client whose servers it concerns (the demo company, whose administrative contact's mailbox the test reads), with an
 * objection period of 30 days; the client objects with a comment (journaled), may change its mind while the period
 * runs, and staff see the answers per change. A rolled-back addition tells nobody.
 */
@ExtendWith(ArquillianExtension.class)
class SubProcessorChangesIT extends WithRoleCallers {

    private static final String DEMO_SIREN = "842317653";
    private static final String DEMO_ADMIN_CONTACT = "camille.martin@boulangerie-martin.example";

    @Deployment
    static EnterpriseArchive deployment() {
        EnterpriseArchive ear = Deployments.modules(SubProcessorChangesIT.class, "gestan-hosting.jar", "gestan-notifications.jar");
        ear.getAsType(WebArchive.class, "it.war").addClass(CaughtMail.class);
        return ear;
    }

    @EJB
    SubProcessors subProcessors;
    @EJB
    SubProcessorChanges changes;
    @EJB
    NotificationDesk desk;
    @EJB
    JournalQuery journal;
    @EJB
    fr.gestan.cloud.security.api.SecurityPolicies policies;

    private static NewSubProcessor backups(String name, LocalDate from) {
        return new NewSubProcessor(name, "SAS", SubProcessorRole.OTHER, "FR", "Nantes", null, null, BigDecimal.ZERO, BigDecimal.ZERO,
                "stockage de sauvegardes chiffrées", "storage of encrypted backups", from);
    }

    private SubProcessorChangeView changeOf(long subProcessorId, SubProcessorChangeKind kind) throws Exception {
        return support.call(changes::changes).stream().filter(c -> c.subProcessorId() == subProcessorId && c.kind() == kind)
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " change for " + subProcessorId));
    }

    private List<CaughtMail> noticesAbout(String name) throws Exception {
        assertTrue(support.call(desk::deliverNow) >= 0);
        return CaughtMail.to(DEMO_ADMIN_CONTACT).stream().filter(m -> m.subject().contains(name)).toList();
    }

    /**
     * The notices about {@code name} once {@code done} holds (at most 30 s of sender rounds): a notice may wait a round
     * for its journal entry to be sequenced, or for a background round that holds the sender's lease.
     */
    private List<CaughtMail> noticesAbout(String name, java.util.function.Predicate<List<CaughtMail>> done) throws Exception {
        List<CaughtMail> mails = noticesAbout(name);
        for (long deadline = System.nanoTime() + 30_000_000_000L; !done.test(mails) && System.nanoTime() < deadline; ) {
            Thread.sleep(250);
            mails = noticesAbout(name);
        }
        return mails;
    }

    @Test
    void an_added_sub_processor_is_told_to_the_client_who_objects_and_staff_see_the_objection() throws Exception {
        LocalDate today = LocalDate.now(Paris.ZONE);
        String name = "Coffre Sauvegardes " + Ids.code("CS");
        SubProcessorView added = admin.call(() -> subProcessors.add(backups(name, today.plusDays(45))));

        // the change, with its period, told to the demo company among others
        SubProcessorChangeView change = changeOf(added.id(), SubProcessorChangeKind.ADDED);
        assertEquals(today.plusDays(45), change.effectiveOn());
        assertEquals(today.plusDays(30), change.objectionUntil());
        assertTrue(change.clientsTold() >= 1, change::toString);
        assertEquals(0, change.objected());

        // the administrative contact's mailbox: French then English, the dates and the portal's page
        List<CaughtMail> mails = noticesAbout(name, found -> !found.isEmpty());
        assertEquals(1, mails.size(), "one notice to the demo company's administrative contact");
        CaughtMail notice = mails.get(0);
        assertEquals("[Gestan Cloud] Sous-traitant ultérieur : " + name + " (ajout)", notice.subject());
        assertTrue(notice.text().contains("ajout à compter du " + today.plusDays(45)), notice.text());
        assertTrue(notice.text().contains("jusqu'au " + today.plusDays(30) + " inclus"), notice.text());
        assertTrue(notice.text().contains("/portal/subprocessors.xhtml"), notice.text());
        assertTrue(notice.text().contains("added from " + today.plusDays(45)), notice.text());

        // the client sees it, open, unanswered
        MyChangeView mine = client.call(changes::mine).stream().filter(c -> c.change().id() == change.id()).findFirst().orElseThrow();
        assertTrue(mine.open());
        assertNull(mine.answer().answer());

        // an objection says why; the client's objection is journaled under its company with the comment
        HostingRefusedException silent = assertThrows(HostingRefusedException.class,
                () -> client.call(() -> changes.answer(change.id(), ChangeAnswer.OBJECTED, "  ")));
        assertEquals(HostingRefusedException.Reason.COMMENT_REQUIRED, silent.reason());
        MyChangeView objected = client.call(() -> changes.answer(change.id(), ChangeAnswer.OBJECTED, "Nos données restent à Vitry."));
        assertEquals(ChangeAnswer.OBJECTED, objected.answer().answer());
        assertTrue(auditor.call(() -> journal.ofTenant(DEMO_SIREN, 0, 20)).stream().anyMatch(e -> e.action().equals("SUB_PROCESSOR_OBJECTED")
                && e.target().contains(name) && "Nos données restent à Vitry.".equals(e.reason())), "objection journaled");

        // staff see the objection first, with its comment, and the count
        List<ChangeAnswerView> answers = auditor.call(() -> changes.answers(change.id()));
        assertEquals(DEMO_SIREN, answers.get(0).tenantSiren());
        assertEquals(ChangeAnswer.OBJECTED, answers.get(0).answer());
        assertEquals("Nos données restent à Vitry.", answers.get(0).comment());
        assertEquals("client.demo", answers.get(0).answeredBy());
        assertEquals(1, changeOf(added.id(), SubProcessorChangeKind.ADDED).objected());

        // a change of mind while the period runs
        client.call(() -> changes.answer(change.id(), ChangeAnswer.ACCEPTED, null));
        SubProcessorChangeView after = changeOf(added.id(), SubProcessorChangeKind.ADDED);
        assertEquals(0, after.objected());
        assertEquals(1, after.accepted());

        // roles: staff do not answer for a client, a client does not read the others' answers; unknown change: not found
        assertThrows(EJBAccessException.class, () -> support.call(() -> changes.answer(change.id(), ChangeAnswer.ACCEPTED, null)));
        assertThrows(EJBAccessException.class, () -> client.call(changes::changes));
        assertThrows(EJBAccessException.class, () -> client.call(() -> changes.answers(change.id())));
        assertEquals(HostingRefusedException.Reason.NOT_FOUND, assertThrows(HostingRefusedException.class,
                () -> client.call(() -> changes.answer(-1, ChangeAnswer.ACCEPTED, null))).reason());

        // its end is a change too
        admin.call(() -> subProcessors.end(added.id(), today.plusDays(100), "contrat non renouvelé"));
        assertEquals(today.plusDays(101), changeOf(added.id(), SubProcessorChangeKind.ENDED).effectiveOn());
        assertTrue(noticesAbout(name, found -> found.stream().anyMatch(m -> m.subject().endsWith("(fin)")))
                .stream().anyMatch(m -> m.subject().endsWith("(fin)")));
    }

    @Test
    void a_rolled_back_addition_tells_nobody() throws Exception {
        LocalDate today = LocalDate.now(Paris.ZONE);
        String name = "Jamais Ajouté " + Ids.code("JA");
        assertThrows(EJBException.class, () -> admin.call(() -> {
            subProcessors.add(backups(name, today.plusDays(40)));
            throw new IllegalStateException("the action fails after the sub-processor was written");
        }));
        assertTrue(support.call(changes::changes).stream().noneMatch(c -> c.name().equals(name)));
        assertTrue(noticesAbout(name).isEmpty());
        assertTrue(client.call(changes::mine).stream().noneMatch(c -> c.change().name().equals(name)));
    }

    @Test
    void the_objection_period_is_the_security_policys_and_the_notice_prints_it() throws Exception {
        fr.gestan.cloud.security.api.PolicySettings before = policies.current().settings();
        assertEquals(30, before.objectionDays(), "version 1's period (migration V22)");
        fr.gestan.cloud.security.api.PolicyVersionView changed = admin.call(() -> policies.change(before.withObjectionDays(21), null,
                "objection period test"));
        try {
            assertEquals(21, policies.current().settings().objectionDays());
            LocalDate today = LocalDate.now(Paris.ZONE);
            String name = "Délai Politique " + Ids.code("DP");
            SubProcessorView added = admin.call(() -> subProcessors.add(backups(name, today.plusDays(40))));
            SubProcessorChangeView change = changeOf(added.id(), SubProcessorChangeKind.ADDED);
            assertEquals(today.plusDays(21), change.objectionUntil(), "what is enforced is the policy's period");
            CaughtMail notice = noticesAbout(name, found -> !found.isEmpty()).get(0);
            assertTrue(notice.text().contains("jusqu'au " + today.plusDays(21) + " inclus (21 jours, délai fixé par notre politique de sécurité, version "
                    + changed.version() + ")"), notice.text());
            assertTrue(notice.text().contains("(21 days, the period set by our security policy, version " + changed.version() + ")"), notice.text());
        } finally {
            admin.call(() -> policies.change(policies.current().settings().withObjectionDays(before.objectionDays()), null,
                    "objection period test: back"));
        }
    }
}
