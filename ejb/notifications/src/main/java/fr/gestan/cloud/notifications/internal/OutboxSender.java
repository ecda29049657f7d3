package fr.gestan.cloud.notifications.internal;

import fr.gestan.cloud.common.lease.ClusterLeases;
import fr.gestan.cloud.common.lease.ClusterOnce;
import fr.gestan.cloud.common.lease.HoldsLease;
import fr.gestan.cloud.common.runs.Polling;
import fr.gestan.cloud.notifications.api.Channel;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivers the outbox: every {@value #POLL_PROPERTY} ms (default 5,000) the node holding the lease
 * {@value #LEASE} (one node at a time, {@link ClusterLeases}) reads a page of due deliveries (one transaction), sends
 * each outside any transaction (the e-mails over one SMTP connection, then the webhooks) and records the outcomes
 * together (one transaction, also at each renewal of the lease within a long round): sent (never sent again, even
 * after a restart), or a retry later with exponential backoff ({@link RetryPolicy}), or failed for staff to retry.
 * A crash between sending and recording sends the round's unrecorded messages again (at least once, same
 * {@code Message-ID} / {@code webhook-id}, so that receivers recognise them).
 */
@Startup
@Singleton
@LocalBean
@DependsOn("NotificationsSchema")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@HoldsLease(OutboxSender.LEASE) // renewed within a round
public class OutboxSender {

    static final String LEASE = "notifications-sender";
    static final String POLL_PROPERTY = "gestan.notifications.poll-ms";
    static final long LEASE_MS = 60_000;
    /**
     * How long the sender's lease lasts without renewal, in ms (default 60,000): a node that dies holding it leaves the
     * outbox unsent that long before another node takes the lease over. Renewed every third of it; at least the poll
     * interval times three.
     */
    static final String LEASE_PROPERTY = "gestan.notifications.lease-ms";
    static final int BATCH = 50;

    private static final Logger LOG = Logger.getLogger(OutboxSender.class.getName());

    /** Makes the rounds' thread (Polling: not the managed scheduler, whose rounds are refused while suspended). */
    @Resource
    ManagedThreadFactory threads;
    @Resource(lookup = MailChannel.JNDI)
    Session mailSession;
    @EJB
    ClusterLeases leases;
    @EJB
    OutboxStore store;

    private final Object lock = new Object();
    private String holder;
    /**
     * The server's mail session with the sender's timeouts, made at the first round that sends an e-mail and kept
     * (a {@code Session} of its own per round read Jakarta Mail's provider lists again each time); under {@link #lock}.
     */
    private MailChannel channel;
    private long leaseMs = LEASE_MS;
    private ScheduledExecutorService rounds;

    @PostConstruct
    void start() {
        // One holder per node (its name, stable across restarts), not per deployment: a redeployment in the same server takes over the lease its
        // predecessor held at once (the undeployed sender may not reach the security module to release it).
        holder = "sender/" + ClusterOnce.HOLDER;
        long every = Long.getLong(POLL_PROPERTY, 5_000);
        leaseMs = Math.max(Long.getLong(LEASE_PROPERTY, LEASE_MS), 3 * Math.max(every, 1_000));
        rounds = Polling.start(threads, POLL_PROPERTY, 5_000, this::tick);
    }

    @PreDestroy
    void stop() {
        Polling.stop(rounds);
        synchronized (lock) {
            try {
                leases.release(LEASE, holder);
            } catch (RuntimeException e) {
                LOG.fine("could not release the sender's lease: " + e);
            }
        }
    }

    private void tick() {
        try {
            deliverDue();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Notification round failed; the next round retries from the outbox", e);
        }
    }

    /** One round: the deliveries tried, or -1 when another node holds the lease. */
    public int deliverDue() {
        synchronized (lock) {
            if (!leases.hold(LEASE, holder, leaseMs)) {
                return -1;
            }
            long renewAt = System.currentTimeMillis() + leaseMs / 3;
            RetryPolicy policy = RetryPolicy.current();
            List<OutboxStore.Outgoing> due = new ArrayList<>(store.loadDue(Instant.now(), BATCH));
            if (due.isEmpty()) {
                return 0;
            }
            // the e-mails first, one after the other over the round's one SMTP connection; then the webhooks
            due.sort(Comparator.comparing(outgoing -> outgoing.channel() != Channel.EMAIL));
            List<OutboxStore.Tried> tries = new ArrayList<>(due.size());
            int tried = 0;
            WebhookClient webhooks = null;
            try (MailChannel.Connection mail = due.get(0).channel() == Channel.EMAIL ? mailChannel().open() : null) {
                for (OutboxStore.Outgoing outgoing : due) {
                    if (System.currentTimeMillis() > renewAt) {
                        record(tries, policy); // a long round records what it sent so far before going on
                        if (!leases.hold(LEASE, holder, leaseMs)) {
                            return tried; // lost the lease: another node carries on
                        }
                        renewAt = System.currentTimeMillis() + leaseMs / 3;
                    }
                    if (outgoing.channel() == Channel.EMAIL) {
                        tries.add(sendMail(mail, outgoing));
                    } else {
                        if (mail != null) {
                            mail.close(); // the e-mails are done
                        }
                        webhooks = webhooks == null ? WebhookClient.current() : webhooks;
                        tries.add(sendWebhook(webhooks, outgoing));
                    }
                    tried++;
                }
            } finally {
                record(tries, policy);
            }
            return tried;
        }
    }

    private MailChannel mailChannel() {
        if (channel == null) {
            channel = new MailChannel(mailSession);
        }
        return channel;
    }

    /**
     * Records the tries together (one transaction), then forgets them. Should that fail, each is recorded alone so
     * that one bad row does not lose the others' outcomes (a try left unrecorded is sent again by a later round).
     */
    private void record(List<OutboxStore.Tried> tries, RetryPolicy policy) {
        if (tries.isEmpty()) {
            return;
        }
        try {
            store.recordAll(tries, policy);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Recording the round's " + tries.size() + " outcomes together failed; recording them one by one", e);
            for (OutboxStore.Tried tried : tries) {
                try {
                    store.record(tried, policy);
                } catch (RuntimeException again) {
                    LOG.log(Level.WARNING, "Outcome of delivery " + tried.id() + " not recorded; a later round sends it again", again);
                }
            }
        }
        tries.clear();
    }

    private static OutboxStore.Tried sendMail(MailChannel.Connection mail, OutboxStore.Outgoing outgoing) {
        try {
            return tried(outgoing, OutboxStore.Result.SENT, mail.send(outgoing));
        } catch (MessagingException | RuntimeException e) {
            LOG.info(() -> "E-mail " + outgoing.messageId() + " not sent, will retry: " + e);
            return tried(outgoing, OutboxStore.Result.FAILED, describe(e));
        }
    }

    private static OutboxStore.Tried tried(OutboxStore.Outgoing outgoing, OutboxStore.Result result, String detail) {
        return new OutboxStore.Tried(outgoing.id(), result, detail, Instant.now());
    }

    private static OutboxStore.Tried sendWebhook(WebhookClient client, OutboxStore.Outgoing outgoing) {
        long timestamp = Instant.now().getEpochSecond();
        String body = outgoing.message().text();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("webhook-id", outgoing.messageId());
        headers.put("webhook-timestamp", Long.toString(timestamp));
        headers.put("webhook-signature", WebhookSignature.sign(outgoing.webhookSecret(), outgoing.messageId(), timestamp, body));
        try {
            WebhookClient.Response response = client.post(outgoing.target(), headers, body);
            if (response.status() >= 200 && response.status() < 300) {
                return tried(outgoing, OutboxStore.Result.SENT, response.statusLine());
            }
            if (response.status() == 410) {
                return tried(outgoing, OutboxStore.Result.GONE, response.statusLine());
            }
            return tried(outgoing, OutboxStore.Result.FAILED, response.statusLine());
        } catch (IOException | RuntimeException e) {
            return tried(outgoing, OutboxStore.Result.FAILED, describe(e));
        }
    }

    private static String describe(Exception e) {
        String text = e.getClass().getSimpleName() + ": " + e.getMessage();
        Throwable cause = e.getCause();
        if (cause != null && cause != e) {
            text += " (" + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ")";
        }
        return text;
    }
}
