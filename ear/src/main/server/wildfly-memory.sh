# WildFly's memory, for run.sh and run-cluster.sh (sourced): resident memory within 1 GB under load
# (docs/performance.md, 4.8; docs/operations.md, "Memory"). Measured with Native Memory Tracking, beyond its heap
# WildFly commits 430-530 MB (metaspace of the EAR's 44,000 classes 210-260 MB, JIT code 80-95 MB, G1's structures
# 55 MB, symbols 40 MB, thread stacks 10-13 MB), and glibc's allocator keeps 50-65 MB more: with the 512 MB heap of
# WildFly's default standalone.conf that passed 1 GB. The heap's ceiling is what decides (384 MB: 2.4 times the live
# data after a full GC). The metaspace and code cache get ceilings well above their use, to bound a leak; the native
# heap is trimmed every 10 s. glibc's arenas are already limited: WildFly's standalone.sh exports MALLOC_ARENA_MAX=1
# unless the caller sets it. A JBOSS_JAVA_SIZING set by the caller wins (and a JAVA_OPTS replaces WildFly's defaults
# and these). GCTimeRatio: G1 grows the heap (within -Xmx) until pauses take 1 % of the time, not its default 8 %: at
# that default it kept the heap so small beside the live data that it marked the old generation concurrently every few
# collections under load, CPU no pause figure shows (docs/operations.md, "Memory"; the integration tests' server too).
gestan_wildfly_memory() {
    export JBOSS_JAVA_SIZING="${JBOSS_JAVA_SIZING:--Xms64m -Xmx384m -XX:MaxMetaspaceSize=384m -XX:ReservedCodeCacheSize=160m -XX:TrimNativeHeapInterval=10000 -XX:GCTimeRatio=99}"
}
