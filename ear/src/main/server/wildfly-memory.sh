# WildFly's memory, for run.sh and run-cluster.sh (sourced): resident memory within 1 GB under load
# (docs/performance.md, 4.8; docs/operations.md, "Memory"). Measured with Native Memory Tracking, beyond its heap
# WildFly commits about 460 MB (metaspace of the EAR's 44,000 classes 235 MB, JIT code 80 MB, G1's structures 57 MB,
# symbols 40 MB, thread stacks 13 MB), and glibc's allocator keeps 50-65 MB more: with the 512 MB heap of WildFly's
# default standalone.conf that passed 1 GB. The heap's ceiling is what decides (384 MB: 2.5 times the live data after
# a full GC); two malloc arenas instead of up to 8 per core, and a trim of the native heap every 10 s, give back what
# busy threads freed; the metaspace and code cache get ceilings well above their use, to bound a leak.
# Either variable set by the caller wins (and JAVA_OPTS set by the caller replaces WildFly's defaults and these).
gestan_wildfly_memory() {
    export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
    export JBOSS_JAVA_SIZING="${JBOSS_JAVA_SIZING:--Xms64m -Xmx384m -XX:MaxMetaspaceSize=384m -XX:ReservedCodeCacheSize=160m -XX:TrimNativeHeapInterval=10000}"
}
