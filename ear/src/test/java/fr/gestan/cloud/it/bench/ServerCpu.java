package fr.gestan.cloud.it.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The CPU the server's JVM spent, by what its threads do in the certificate batch: a figure that follows the work, not
 * the machine's load as the wall-clock rates do (a rate measured while other processes take the cores says how much
 * CPU the benchmark got, not what a certificate costs; docs/performance.md). Java threads are read one by one (their
 * CPU time, grouped by name); the JVM's own threads (the JIT's compilers, GC, the VM thread), which no Java API lists,
 * and threads that ended within the interval are the process's CPU less the Java threads'. PostgreSQL's CPU is not
 * in it.
 */
final class ServerCpu {

    /** Thread groups: the first whose name prefix matches a thread's name takes it. */
    static final List<Map.Entry<String, String>> GROUPS = List.of(
            Map.entry("EE-ManagedExecutorService", "workers"),
            Map.entry("default task", "loop"),
            Map.entry("EJB default", "page stores"),
            Map.entry("EE-ManagedThreadFactory", "outbox sender and pollers"),
            Map.entry("EE-ManagedScheduledExecutorService", "outbox sender and pollers"));
    static final String OTHER_JAVA = "other Java threads";
    static final String JVM_OWN = "JIT, GC, VM and ended threads";

    /** CPU nanoseconds so far: the process's, and each live Java thread's by id with its group. */
    record Snapshot(long processNanos, Map<Long, Long> threadNanos, Map<Long, String> threadGroups) {
    }

    private ServerCpu() {
    }

    static Snapshot now() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<Long, Long> nanos = new LinkedHashMap<>();
        Map<Long, String> groups = new LinkedHashMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null) {
                long cpu = threads.getThreadCpuTime(info.getThreadId());
                if (cpu >= 0) {
                    nanos.put(info.getThreadId(), cpu);
                    groups.put(info.getThreadId(), group(info.getThreadName()));
                }
            }
        }
        return new Snapshot(processCpuNanos(), nanos, groups);
    }

    /** The process's CPU time, through JMX: WildFly's modules do not give a deployment the {@code com.sun.management} classes. */
    static long processCpuNanos() {
        try {
            return (Long) ManagementFactory.getPlatformMBeanServer().getAttribute(
                    new javax.management.ObjectName(ManagementFactory.OPERATING_SYSTEM_MXBEAN_NAME), "ProcessCpuTime");
        } catch (javax.management.JMException e) {
            throw new IllegalStateException("the process's CPU time is not readable", e);
        }
    }

    static String group(String threadName) {
        return GROUPS.stream().filter(g -> threadName.startsWith(g.getKey())).map(Map.Entry::getValue).findFirst().orElse(OTHER_JAVA);
    }

    /**
     * CPU ms per unit of work (for example per certificate) between two snapshots, by group in {@link #GROUPS}' order,
     * then {@link #OTHER_JAVA}, {@link #JVM_OWN} (the process's CPU less the Java threads'), and "all" (the process's).
     * A thread's CPU counts from its first snapshot, or from zero when it started in between.
     */
    static Map<String, Double> perUnit(Snapshot before, Snapshot after, long units) {
        Map<String, Double> ms = new LinkedHashMap<>();
        GROUPS.forEach(g -> ms.put(g.getValue(), 0.0));
        ms.put(OTHER_JAVA, 0.0);
        double scale = 1e6 * Math.max(1, units);
        long java = 0;
        for (Map.Entry<Long, Long> t : after.threadNanos().entrySet()) {
            long spent = t.getValue() - before.threadNanos().getOrDefault(t.getKey(), 0L);
            java += spent;
            ms.merge(after.threadGroups().get(t.getKey()), spent / scale, Double::sum);
        }
        long process = after.processNanos() - before.processNanos();
        ms.put(JVM_OWN, Math.max(0, process - java) / scale);
        ms.put("all", process / scale);
        return ms;
    }

    static String format(Map<String, Double> ms) {
        return ms.entrySet().stream().map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey(), e.getValue())).collect(Collectors.joining(", "));
    }
}
