package fr.gestan.cloud.notifications.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import fr.gestan.cloud.common.lease.ClusterLeases;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A round of the sender against a real SMTP server (GreenMail) and an outbox in memory: one read of the due
 * deliveries, one SMTP connection, the outcomes recorded together, a failed e-mail retried without losing the others'.
 */
class OutboxSenderTest {

    private GreenMail smtp;
    private final MailChannelTest.CountingSockets sockets = new MailChannelTest.CountingSockets();
    private final FakeStore store = new FakeStore();
    private final OutboxSender sender = new OutboxSender();

    @BeforeEach
    void start() {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        sender.mailSession = MailChannelTest.session(smtp.getSmtp().getPort(), sockets);
        sender.store = store;
        sender.leases = new ClusterLeases() {
            @Override
            public boolean hold(String name, String holder, long durationMs) {
                return true;
            }

            @Override
            public void release(String name, String holder) {
            }
        };
    }

    @AfterEach
    void stop() {
        smtp.stop();
    }

    /** The round's reads and writes, kept. */
    static final class FakeStore extends OutboxStore {

        final List<OutboxStore.Outgoing> due = new ArrayList<>();
        int loads;
        final List<List<OutboxStore.Tried>> recordedTogether = new ArrayList<>();
        final List<OutboxStore.Tried> recordedAlone = new ArrayList<>();
        boolean failTogether;

        @Override
        public List<OutboxStore.Outgoing> loadDue(Instant now, int max) {
            loads++;
            return List.copyOf(due);
        }

        @Override
        public int recordAll(List<OutboxStore.Tried> tries, RetryPolicy policy) {
            if (failTogether) {
                throw new IllegalStateException("the database refused the round's transaction");
            }
            recordedTogether.add(List.copyOf(tries));
            return tries.size();
        }

        @Override
        public boolean record(OutboxStore.Tried tried, RetryPolicy policy) {
            recordedAlone.add(tried);
            return true;
        }
    }

    @Test
    void aRoundSendsItsEmailsOverOneConnectionAndRecordsTheOutcomesTogether() {
        store.due.add(MailChannelTest.outgoing(1, "un@example.org", null));
        store.due.add(MailChannelTest.outgoing(2, "pas une adresse@@", null));
        store.due.add(MailChannelTest.outgoing(3, "trois@example.org", null));
        store.due.add(MailChannelTest.outgoing(4, "quatre@example.org", null));

        assertEquals(4, sender.deliverDue());

        assertEquals(1, store.loads, "one read of the due deliveries");
        assertEquals(3, smtp.getReceivedMessages().length);
        assertEquals(1, sockets.made.get(), "one SMTP connection for the round's four e-mails");
        assertEquals(1, store.recordedTogether.size(), "the outcomes recorded together");
        List<OutboxStore.Tried> outcomes = store.recordedTogether.get(0);
        assertEquals(List.of(1L, 2L, 3L, 4L), outcomes.stream().map(OutboxStore.Tried::id).toList());
        assertEquals(List.of(OutboxStore.Result.SENT, OutboxStore.Result.FAILED, OutboxStore.Result.SENT, OutboxStore.Result.SENT),
                outcomes.stream().map(OutboxStore.Tried::result).toList(), "the bad one is retried, the others are sent");
        assertEquals("accepted by 127.0.0.1 as <msg_3@gestan.cloud>", outcomes.get(2).detail());
    }

    @Test
    void whenRecordingTogetherFailsEachOutcomeIsRecordedAlone() {
        store.due.add(MailChannelTest.outgoing(1, "un@example.org", null));
        store.due.add(MailChannelTest.outgoing(2, "deux@example.org", null));
        store.failTogether = true;

        assertEquals(2, sender.deliverDue());

        assertEquals(List.of(1L, 2L), store.recordedAlone.stream().map(OutboxStore.Tried::id).toList());
        assertEquals(List.of(OutboxStore.Result.SENT, OutboxStore.Result.SENT),
                store.recordedAlone.stream().map(OutboxStore.Tried::result).toList());
    }

    @Test
    void anEmptyOutboxOpensNoConnection() {
        assertEquals(0, sender.deliverDue());
        assertEquals(0, sockets.made.get());
        assertEquals(0, store.recordedTogether.size());
    }
}
