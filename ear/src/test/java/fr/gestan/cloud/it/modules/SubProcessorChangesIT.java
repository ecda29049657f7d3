package fr.gestan.cloud.it.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.gestan.cloud.common.Paris;
import fr.gestan.cloud.compliance.api.AgreementChangeNotice;
import fr.gestan.cloud.compliance.api.AgreementStatusView;
import fr.gestan.cloud.compliance.api.ComplianceEvaluation;
import fr.gestan.cloud.compliance.api.ProcessorAgreements;
import fr.gestan.cloud.compliance.api.RuleFinding;
import fr.gestan.cloud.compliance.api.RuleResultView;
import fr.gestan.cloud.hosting.api.ChangeAnswer;
import fr.gestan.cloud.hosting.api.HostingInventory;
import fr.gestan.cloud.hosting.api.NewOperator;
import fr.gestan.cloud.hosting.api.NewOwnership;
import fr.gestan.cloud.hosting.api.OperatorView;
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
        return Deployments.modules(SubProcessorChangesIT.class, List.of(CaughtMail.class), "gestan-hosting.jar",
                "gestan-notifications.jar", "gestan-compliance.jar");
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
    @EJB
    HostingInventory inventory;
    @EJB
    ProcessorAgreements agreements;
    @EJB
    ComplianceEvaluation compliance;

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

    private OperatorView operator(String name) throws Exception {
        return support.call(inventory::operators).stream().filter(o -> o.legalName().equals(name)).findFirst().orElseThrow();
    }

    private RuleResultView r4(String siren) throws Exception {
        return support.call(() -> compliance.evaluate(siren)).rules().stream().filter(r -> r.ruleId().equals("R4-SECNUMCLOUD-19.6"))
                .findFirst().orElseThrow();
    }

    /**
     * The R4 case: Scaleway, which hosts the demo company, passes under a US owner from today. Told like an addition
     * (same rows, notice, answers), read from that day by rule R4 and the processor agreement, whose acceptance the
     * change outdates and which cites the notice. The original owner is recorded back at the end (the same version).
     */
    @Test
    void an_operators_change_of_owner_is_told_to_its_clients_read_by_r4_and_cited_by_the_outdated_agreement() throws Exception {
        LocalDate today = LocalDate.now(Paris.ZONE);
        OperatorView before = operator("Scaleway SAS");
        NewOwnership takeover = new NewOwnership("Atlantic Cloud Inc. " + Ids.code("AC"), "US", new BigDecimal("94.80"),
                new BigDecimal("94.80"), today, "rachat par un groupe américain (test R4)");

        // administrators only; bad shares and an unknown operator are refused with their reason
        assertThrows(EJBAccessException.class, () -> support.call(() -> inventory.changeOwnership(before.id(), takeover)));
        assertThrows(EJBAccessException.class, () -> client.call(() -> inventory.changeOwnership(before.id(), takeover)));
        assertEquals(HostingRefusedException.Reason.INVALID_SHARES, assertThrows(HostingRefusedException.class, () -> admin.call(
                () -> inventory.changeOwnership(before.id(), new NewOwnership("X", "US", BigDecimal.TEN, BigDecimal.ONE, today, "x")))).reason());
        assertEquals(HostingRefusedException.Reason.NOT_FOUND, assertThrows(HostingRefusedException.class,
                () -> admin.call(() -> inventory.changeOwnership(-1, takeover))).reason());
        assertEquals(before.ownerships().size(), operator("Scaleway SAS").ownerships().size(), "nothing recorded when refused");

        // the demo company accepts its agreements as they are
        for (AgreementStatusView a : client.call(agreements::mine)) {
            if (!a.accepted()) {
                client.call(() -> agreements.accept(a.contractId(), a.currentSha256()));
            }
        }
        assertTrue(client.call(agreements::mine).stream().allMatch(AgreementStatusView::accepted));

        OperatorView changed = admin.call(() -> inventory.changeOwnership(before.id(), takeover));
        try {
            // the operator now reads the recorded owner, with its history
            assertEquals(takeover.owner(), changed.parentGroup());
            assertEquals("US", changed.parentGroupCountry());
            assertEquals(0, new BigDecimal("94.80").compareTo(changed.largestNonEuShare()));
            assertEquals(today, changed.ownerSince());
            assertTrue(operator("Scaleway SAS").ownerships().stream().anyMatch(o -> o.owner().equals(takeover.owner())
                    && o.effectiveOn().equals(today) && o.recordedBy().equals("admin.it")), "in the history");

            // one change, of the operator's sub-processor entry, told to its clients with the policy's period
            SubProcessorChangeView change = support.call(changes::changes).stream()
                    .filter(c -> c.kind() == SubProcessorChangeKind.OWNER_CHANGED && takeover.owner().equals(c.newOwner())).findFirst().orElseThrow();
            assertEquals("Scaleway SAS", change.name());
            assertEquals("US", change.newOwnerCountry());
            assertEquals(today, change.effectiveOn());
            assertEquals(today.plusDays(30), change.objectionUntil());
            assertTrue(change.clientsTold() >= 1, change::toString);
            assertTrue(auditor.call(() -> journal.latest(40)).stream().anyMatch(e -> e.action().equals("OPERATOR_OWNERSHIP_CHANGED")
                    && e.target().contains(takeover.owner()) && e.target().contains("change " + change.id())
                    && "rachat par un groupe américain (test R4)".equals(e.reason())), "journaled with its reason");

            // the notice: the new owner, the date, the notice's own place in the portal
            CaughtMail notice = noticesAbout("Scaleway SAS", found -> found.stream().anyMatch(m -> m.text().contains(takeover.owner())))
                    .stream().filter(m -> m.text().contains(takeover.owner())).findFirst().orElseThrow();
            assertEquals("[Gestan Cloud] Sous-traitant ultérieur : Scaleway SAS (changement de contrôle de l'hébergeur)", notice.subject());
            assertTrue(notice.text().contains("changement de contrôle de l'hébergeur : " + takeover.owner() + " (US) à compter du " + today),
                    notice.text());
            assertTrue(notice.text().contains("change of the operator's controlling owner: " + takeover.owner() + " (US) from " + today),
                    notice.text());
            assertTrue(notice.text().contains("/portal/subprocessors.xhtml#change-" + change.id()), notice.text());

            // the client objects as to any change; staff see it on the change
            client.call(() -> changes.answer(change.id(), ChangeAnswer.OBJECTED, "Pas de contrôle américain."));
            assertEquals(ChangeAnswer.OBJECTED, auditor.call(() -> changes.answers(change.id())).stream()
                    .filter(a -> a.tenantSiren().equals(DEMO_SIREN)).findFirst().orElseThrow().answer());
            assertTrue(client.call(changes::mine).stream().anyMatch(m -> m.change().id() == change.id()
                    && takeover.owner().equals(m.change().newOwner())));

            // rule R4 reads the recorded owner: a US parent fails
            RuleResultView r4 = r4(DEMO_SIREN);
            assertTrue(r4.findings().stream().map(RuleFinding::code).anyMatch("non-eu-parent"::equals), r4.findings()::toString);

            // the agreement names the new owner: its acceptance is outdated, and it cites the notice
            List<AgreementStatusView> now = client.call(agreements::mine);
            assertTrue(now.stream().anyMatch(AgreementStatusView::outdated), now::toString);
            for (AgreementStatusView a : now.stream().filter(AgreementStatusView::outdated).toList()) {
                AgreementChangeNotice cited = a.outdatedBy().stream().filter(n -> n.changeId() == change.id()).findFirst()
                        .orElseThrow(() -> new AssertionError("not cited: " + a));
                assertEquals("OWNER_CHANGED", cited.kind());
                assertEquals(takeover.owner(), cited.newOwner());
                assertEquals("/portal/subprocessors.xhtml#change-" + change.id(), cited.portalPath());
                // staff see the same
                assertTrue(support.call(() -> agreements.of(DEMO_SIREN)).stream().filter(s -> s.contractId() == a.contractId())
                        .allMatch(s -> s.outdatedBy().stream().anyMatch(n -> n.changeId() == change.id())));
                assertTrue(client.call(() -> agreements.document(DEMO_SIREN, a.contractId())).length > 1000);
            }
        } finally {
            admin.call(() -> inventory.changeOwnership(before.id(), new NewOwnership(before.parentGroup(), before.parentGroupCountry(),
                    before.largestNonEuShare(), before.totalNonEuShare(), today, "retour à l'actionnaire d'origine (fin du test R4)")));
        }
        OperatorView back = operator("Scaleway SAS");
        assertEquals(before.parentGroup(), back.parentGroup());
        assertEquals(before.parentGroupCountry(), back.parentGroupCountry());
        assertTrue(r4(DEMO_SIREN).findings().stream().map(RuleFinding::code).noneMatch("non-eu-parent"::equals));
        assertTrue(client.call(agreements::mine).stream().allMatch(AgreementStatusView::accepted), "the same version as accepted");
    }

    @Test
    void a_change_of_owner_effective_later_is_recorded_but_not_read_before_its_day() throws Exception {
        LocalDate today = LocalDate.now(Paris.ZONE);
        String name = "Hébergeur Futur " + Ids.code("HF");
        OperatorView entered = admin.call(() -> inventory.addOperator(new NewOperator(name, "SAS", "FR", "Groupe Origine", "FR",
                BigDecimal.ZERO, BigDecimal.ZERO)));
        OperatorView recorded = admin.call(() -> inventory.changeOwnership(entered.id(), new NewOwnership("Groupe Suivant", "DE",
                BigDecimal.ZERO, BigDecimal.ZERO, today.plusDays(40), "cession annoncée")));
        assertEquals("Groupe Origine", recorded.parentGroup(), "the owner in effect today");
        assertNull(recorded.ownerSince());
        assertEquals(1, recorded.ownerships().size());
        assertEquals(today.plusDays(40), recorded.ownerships().get(0).effectiveOn());
        assertEquals("admin.it", recorded.ownerships().get(0).recordedBy());
        // its sub-processor entry's change, told to nobody (no client in its data centres)
        SubProcessorChangeView change = support.call(changes::changes).stream().filter(c -> c.name().equals(name)
                && c.kind() == SubProcessorChangeKind.OWNER_CHANGED).findFirst().orElseThrow();
        assertEquals(today.plusDays(40), change.effectiveOn());
        assertEquals("Groupe Suivant", change.newOwner());
        assertEquals(0, change.clientsTold());
    }
}
