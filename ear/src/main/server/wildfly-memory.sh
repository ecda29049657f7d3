# WildFly's memory, for run.sh and run-cluster.sh (sourced): what keeps its resident memory within 1 GB under the load
# of the harness with a 512 MB heap (docs/performance.md, 4.8; docs/operations.md, "Memory"). Measured with Native
# Memory Tracking, beyond the heap WildFly holds about 190 MB of metaspace (44,000 classes), 60-90 MB of JIT code,
# 50-60 MB of G1's own structures, 40 MB of symbols, and glibc's malloc arenas: one per busy thread, up to 8 per core,
# each keeping what its thread freed. Two arenas and a periodic trim give that memory back; the code cache and the
# metaspace get a ceiling above what they use, so that a leak shows as an error rather than as swapping.
# Either variable set by the caller wins (JAVA_OPTS set by the caller replaces WildFly's defaults and these).
gestan_wildfly_memory() {
    export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
    export JBOSS_JAVA_SIZING="${JBOSS_JAVA_SIZING:--Xms64m -Xmx512m -XX:MaxMetaspaceSize=384m -XX:ReservedCodeCacheSize=160m -XX:TrimNativeHeapInterval=10000}"
}
