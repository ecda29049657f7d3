package fr.gestan.cloud.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.gestan.cloud.common.lease.ClusterOnce;
import fr.gestan.cloud.common.lease.HoldsLease;
import fr.gestan.cloud.common.lease.OnEveryNode;
import fr.gestan.cloud.common.lease.OncePerCluster;
import jakarta.ejb.Schedule;
import jakarta.ejb.Schedules;
import jakarta.ejb.Singleton;
import jakarta.ejb.Timeout;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.interceptor.Interceptors;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;

/**
 * Everything that must run once runs once across nodes (docs/operations.md, "Several nodes"): every timer method
 * ({@code @Schedule}, {@code @Timeout}) either holds a lease ({@link OncePerCluster} with the {@link ClusterOnce}
 * interceptor on its bean) or says why it may run on every node ({@link OnEveryNode}); every bean that schedules its
 * own work with an executor declares the lease it takes in its rounds ({@link HoldsLease}). A new timer without either
 * fails here, before it runs twice in a cluster.
 */
class TimersRunOnceTest {

    @Test
    void every_timer_holds_a_lease_or_says_why_it_runs_on_every_node() {
        List<String> violations = new ArrayList<>();
        int timers = 0;
        for (Class<?> type : ProductionClasses.reflected()) {
            timers += timerMethods(type).size();
            violations.addAll(violations(type));
        }
        assertTrue(timers >= 12, "too few timers found: " + timers);
        assertTrue(violations.isEmpty(), "timers that would run on every node of a cluster:\n" + String.join("\n", violations));
    }

    @Test
    void the_check_finds_an_unleased_timer_and_accepts_the_declared_ones() {
        assertEquals(List.of("Unleased.nightly: neither @OncePerCluster nor @OnEveryNode"), violations(Unleased.class));
        assertEquals(List.of("NotIntercepted.nightly: @OncePerCluster without @Interceptors(ClusterOnce.class), the lease is never taken"),
                violations(NotIntercepted.class));
        assertEquals(List.of("OwnScheduler: schedules with an executor without @HoldsLease"), violations(OwnScheduler.class));
        assertEquals(List.of("OwnThread: schedules with an executor without @HoldsLease"), violations(OwnThread.class));
        assertEquals(List.of(), violations(Leased.class));
        assertEquals(List.of(), violations(EveryNode.class));
    }

    /**
     * A bean's own rounds run on a thread of the managed thread factory (Polling), not on the managed scheduler: WildFly
     * refuses that scheduler's periodic tasks while the server suspends (as it stops), each with an ERROR, every 50 ms
     * for the journal's sequencer.
     */
    @Test
    void no_bean_polls_on_the_managed_scheduler() {
        List<String> scheduling = ProductionClasses.reflected().stream().filter(TimersRunOnceTest::onManagedScheduler)
                .map(Class::getName).toList();
        assertTrue(scheduling.isEmpty(), "beans with a ManagedScheduledExecutorService: " + scheduling);
        assertTrue(onManagedScheduler(OwnScheduler.class) && !onManagedScheduler(OwnThread.class));
    }

    private static boolean onManagedScheduler(Class<?> type) {
        return Arrays.stream(type.getDeclaredFields()).map(Field::getType).anyMatch(ManagedScheduledExecutorService.class::isAssignableFrom);
    }

    static List<String> violations(Class<?> type) {
        List<String> violations = new ArrayList<>();
        for (Method timer : timerMethods(type)) {
            String name = type.getSimpleName() + "." + timer.getName();
            OncePerCluster once = timer.getAnnotation(OncePerCluster.class);
            OnEveryNode everyNode = timer.getAnnotation(OnEveryNode.class);
            if (once == null && (everyNode == null || everyNode.why().isBlank())) {
                violations.add(name + ": neither @OncePerCluster nor @OnEveryNode");
            } else if (once != null && everyNode != null) {
                violations.add(name + ": both @OncePerCluster and @OnEveryNode");
            } else if (once != null && !intercepts(type.getAnnotation(Interceptors.class)) && !intercepts(timer.getAnnotation(Interceptors.class))) {
                violations.add(name + ": @OncePerCluster without @Interceptors(ClusterOnce.class), the lease is never taken");
            } else if (once != null && (once.lease().isBlank() || once.lease().length() > 64 || once.holdSeconds() <= 0)) {
                violations.add(name + ": a lease needs a name of 1 to 64 characters and a positive hold");
            }
        }
        boolean ownScheduler = Arrays.stream(type.getDeclaredFields()).map(Field::getType)
                .anyMatch(t -> ManagedScheduledExecutorService.class.isAssignableFrom(t) || ScheduledExecutorService.class.isAssignableFrom(t)
                        || ManagedThreadFactory.class.isAssignableFrom(t));
        if (ownScheduler && !type.isAnnotationPresent(HoldsLease.class)) {
            violations.add(type.getSimpleName() + ": schedules with an executor without @HoldsLease");
        }
        return violations;
    }

    private static List<Method> timerMethods(Class<?> type) {
        return Arrays.stream(type.getDeclaredMethods()).filter(m -> m.isAnnotationPresent(Schedule.class)
                || m.isAnnotationPresent(Schedules.class) || m.isAnnotationPresent(Timeout.class)).toList();
    }

    private static boolean intercepts(Interceptors interceptors) {
        return interceptors != null && Arrays.asList(interceptors.value()).contains(ClusterOnce.class);
    }

    @Singleton
    static class Unleased {
        @Schedule(hour = "3")
        void nightly() {
        }
    }

    @Singleton
    static class NotIntercepted {
        @Schedule(hour = "3")
        @OncePerCluster(lease = "x", holdSeconds = 60)
        void nightly() {
        }
    }

    @Singleton
    static class OwnScheduler {
        ManagedScheduledExecutorService scheduler;
    }

    @Singleton
    static class OwnThread {
        ManagedThreadFactory threads;
    }

    @Singleton
    @Interceptors(ClusterOnce.class)
    static class Leased {
        @Schedule(hour = "3")
        @OncePerCluster(lease = "x", holdSeconds = 60)
        void nightly() {
        }

        @Timeout
        @OncePerCluster(lease = "x", holdSeconds = 60)
        void first() {
        }
    }

    @Singleton
    static class EveryNode {
        @Schedule(hour = "3")
        @OnEveryNode(why = "idempotent")
        void nightly() {
        }
    }
}
