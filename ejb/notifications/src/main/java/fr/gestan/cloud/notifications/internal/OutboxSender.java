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
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivers the outbox: every {@value #POLL_PROPERTY} ms (default 5,000) the node holding the lease
 * {@value #LEASE} (one node at a time, {@link ClusterLeases}) takes the due deliveries, sends each (e-mail or webhook,
 * outside any transaction) and records the outcome: sent (never sent again, even after a restart), or a retry later
 * with exponential backoff ({@link RetryPolicy}), or failed for staff to retry. A crash between sending and recording
 * sends that one message again (at least once); a webhook receiver recognises it by its {@code webhook-id}.
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

    @Resource
    ManagedScheduledExecutorService scheduler;
    @Resource(lookup = MailChannel.JNDI)
    Session mailSession;
    @EJB
    ClusterLeases leases;
    @EJB
    OutboxStore store;

    private final Object lock = new Object();
    private String holder;
    private long leaseMs = LEASE_MS;
    private ScheduledFuture<?> task;

    @PostConstruct
    void start() {
        // One holder per node (its name, stable across restarts), not per deployment: a redeployment in the same server takes over the lease its
        // predecessor held at once (the undeployed sender may not reach the security module to release it).
        holder = "sender/" + ClusterOnce.HOLDER;
        long every = Long.getLong(POLL_PROPERTY, 5_000);
        leaseMs = Math.max(Long.getLong(LEASE_PROPERTY, LEASE_MS), 3 * Math.max(every, 1_000));
        task = Polling.start(scheduler, POLL_PROPERTY, 5_000, this::tick);
    }

    @PreDestroy
    void stop() {
        Polling.stop(task);
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
            List<Long> due = store.due(Instant.now(), BATCH);
            int tried = 0;
            MailChannel mail = null;
            WebhookClient webhooks = WebhookClient.current();
            for (long id : due) {
                if (System.currentTimeMillis() > renewAt) {
                    if (!leases.hold(LEASE, holder, leaseMs)) {
                        return tried; // lost the lease: another node carries on
                    }
                    renewAt = System.currentTimeMillis() + leaseMs / 3;
                }
                OutboxStore.Outgoing outgoing = store.load(id);
                if (outgoing == null) {
                    continue;
                }
                if (outgoing.channel() == Channel.EMAIL && mail == null) {
                    mail = new MailChannel(mailSession);
                }
                Outcome outcome = outgoing.channel() == Channel.EMAIL ? sendMail(mail, outgoing) : sendWebhook(webhooks, outgoing);
                store.record(id, outcome.result(), outcome.detail(), Instant.now(), policy);
                tried++;
            }
            return tried;
        }
    }

    private record Outcome(OutboxStore.Result result, String detail) {
    }

    private static Outcome sendMail(MailChannel mail, OutboxStore.Outgoing outgoing) {
        try {
            return new Outcome(OutboxStore.Result.SENT, mail.send(outgoing));
        } catch (MessagingException | RuntimeException e) {
            LOG.info(() -> "E-mail " + outgoing.messageId() + " not sent, will retry: " + e);
            return new Outcome(OutboxStore.Result.FAILED, describe(e));
        }
    }

    private static Outcome sendWebhook(WebhookClient client, OutboxStore.Outgoing outgoing) {
        long timestamp = Instant.now().getEpochSecond();
        String body = outgoing.message().text();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("webhook-id", outgoing.messageId());
        headers.put("webhook-timestamp", Long.toString(timestamp));
        headers.put("webhook-signature", WebhookSignature.sign(outgoing.webhookSecret(), outgoing.messageId(), timestamp, body));
        try {
            WebhookClient.Response response = client.post(outgoing.target(), headers, body);
            if (response.status() >= 200 && response.status() < 300) {
                return new Outcome(OutboxStore.Result.SENT, response.statusLine());
            }
            if (response.status() == 410) {
                return new Outcome(OutboxStore.Result.GONE, response.statusLine());
            }
            return new Outcome(OutboxStore.Result.FAILED, response.statusLine());
        } catch (IOException | RuntimeException e) {
            return new Outcome(OutboxStore.Result.FAILED, describe(e));
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
