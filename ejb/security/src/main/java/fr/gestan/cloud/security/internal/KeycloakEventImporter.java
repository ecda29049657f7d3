package fr.gestan.cloud.security.internal;

import fr.gestan.cloud.common.journal.JournalEvent;
import fr.gestan.cloud.common.lease.ClusterOnce;
import fr.gestan.cloud.common.lease.OncePerCluster;
import jakarta.interceptor.Interceptors;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.EventRepresentation;

/**
 * Imports sign-ins and failed sign-ins from Keycloak's stored events into the journal (actions {@code SIGN_IN},
 * {@code SIGN_IN_FAILED}; actor = the username tried, source IP = Keycloak's), every
 * {@value #DEFAULT_SECONDS} s (system property {@value #PROPERTY}; 0 disables). The cursor row is locked while
 * importing, so several nodes never import an event twice; and one node at a time asks Keycloak (lease
 * {@code keycloak-events}, held three default intervals, renewed at each run). Keycloak unreachable: retried at the next run.
 */
@Startup
@Singleton
@DependsOn("SecuritySchema")
@Interceptors(ClusterOnce.class)
public class KeycloakEventImporter {

    static final String PROPERTY = "gestan.keycloak.events-seconds";
    static final int DEFAULT_SECONDS = 60;
    private static final int PAGE = 500;

    private static final Logger LOG = Logger.getLogger(KeycloakEventImporter.class.getName());

    @Resource
    TimerService timers;

    @PersistenceContext(unitName = "security")
    EntityManager em;

    private final Clock clock = Clock.systemUTC();
    /** Whether the last run failed: the first failure is a warning (sign-ins stop reaching the journal), repeats are not. */
    private volatile boolean failing;

    @PostConstruct
    void schedule() {
        long seconds = Long.getLong(PROPERTY, DEFAULT_SECONDS);
        if (seconds > 0) {
            timers.createIntervalTimer(seconds * 1000, seconds * 1000, new TimerConfig("keycloak-events", false));
        }
    }

    @Timeout
    @OncePerCluster(lease = "keycloak-events", holdSeconds = 3 * DEFAULT_SECONDS)
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    void run() {
        try {
            importNow();
            if (failing) {
                failing = false;
                LOG.info("Keycloak sign-in events reach the access journal again");
            }
        } catch (RuntimeException e) {
            if (!failing) {
                failing = true;
                LOG.warning(() -> "Keycloak sign-in events are not reaching the access journal (Keycloak unreachable or the "
                        + "admin client's secret refused); retrying every interval: " + e);
            }
            LOG.log(Level.FINE, "Keycloak events not imported this time", e);
        }
    }

    /** Imports the events newer than the cursor, in the current transaction; returns how many. */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public int importNow() {
        KeycloakEventCursor cursor = em.find(KeycloakEventCursor.class, KeycloakEventCursor.ID, LockModeType.PESSIMISTIC_WRITE);
        List<EventRepresentation> events;
        try (Keycloak keycloak = KeycloakAdmin.connect()) {
            // Keycloak filters by day only: read the newest page and keep what is after the cursor.
            events = keycloak.realm(KeycloakAdmin.realm()).getEvents(List.of("LOGIN", "LOGIN_ERROR"), null, null, null,
                    null, null, 0, PAGE);
        }
        List<EventRepresentation> fresh = events.stream().filter(e -> e.getTime() > cursor.lastTime())
                .sorted(Comparator.comparingLong(EventRepresentation::getTime)).toList();
        for (EventRepresentation e : fresh) {
            Map<String, String> details = e.getDetails() == null ? Map.of() : e.getDetails();
            String username = details.getOrDefault("username", e.getUserId() == null ? "unknown" : e.getUserId());
            boolean failed = "LOGIN_ERROR".equals(e.getType());
            JournalEvent event = new JournalEvent(failed ? "SIGN_IN_FAILED" : "SIGN_IN", null, e.getClientId(),
                    failed ? JournalEvent.Outcome.FAILURE : JournalEvent.Outcome.SUCCESS, failed ? e.getError() : null,
                    e.getIpAddress());
            AccessJournalBean.append(em, username, "keycloak", event, clock);
            cursor.advanceTo(e.getTime());
        }
        return fresh.size();
    }
}
