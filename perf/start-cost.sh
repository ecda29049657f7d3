#!/usr/bin/env bash
# What one WildFly start costs (issue 19, docs/performance.md 4.18): starts a provisioned server with the EAR in its
# deployments folder (as ./run.sh does: demo mode, H2 unless told otherwise, run.sh's memory settings), follows its
# log, and at WFLYSRV0010 ("Deployed") reads the CPU seconds of the WildFly JVM (utime + stime of /proc/<pid>/stat),
# of its JIT compiler threads and of its GC threads; then polls readiness and asks for the home page twice; then
# stops the server (TERM, as ./run.sh does). Prints one tab-separated line per start:
#
#   utc  label  load1  deploy_wall_s  launch_to_deployed_s  cpu_at_deployed_s  jit_cpu_s  gc_cpu_s
#   launch_to_ready_s  cpu_at_ready_s  first_page_s  second_page_s  rss_mb_at_ready  classes  java
#
# deploy_wall_s is read in the server's own log (WFLYSRV0027 "Starting deployment" to WFLYSRV0010). With
# GESTAN_START_COST_CLASSES=1 the JVM logs every class it loads (-Xlog:class+load, into <server>/class-load.log) and
# "classes" says how many were loaded at readiness, how many came from the JDK's CDS archive and how many from a
# dynamic archive (-XX:SharedArchiveFile): "total/base/top"; else "-" (with Java 25's AOT cache, "base" counts the
# classes from the JDK's archive and the AOT cache together, "top" is 0). "java" is the major version of WildFly's Java.
#
#   perf/start-cost.sh <server folder> <EAR> <port offset> <label> [JVM option...]
#
# The server folder is used as it is (its H2 database kept from one start to the next: make a first start to create
# it, then compare second starts); the JVM options are added after run.sh's (ear/src/main/server/wildfly-memory.sh).
# WildFly runs on the Java that run.sh gives it (ear/src/main/server/wildfly-cds.sh, gestan_wildfly_java): a Java 25
# when one is installed, else JAVA_HOME or the java on the PATH; GESTAN_WILDFLY_JAVA_HOME chooses ("" = WildFly's own
# choice, i.e. Java 17 here).
# GESTAN_START_COST_CDS=<folder>: the class-data archive handled as run.sh handles it (gestan_wildfly_cds: mapped when
# one matches in that folder, else this start records it after the pages: jcmd on Java 17, the AOT cache written at
# exit on Java 25; its time on stderr).
# GESTAN_START_COST_DUMP=<file>: after the pages, writes a dynamic CDS archive of the classes loaded so far
# (jcmd <pid> VM.cds dynamic_dump; the JVM options must carry -XX:+RecordDynamicDumpInfo), its time on stderr.
# GESTAN_START_COST_KEEP=1 leaves the server running (its pid in <server>/wildfly.pid) instead of stopping it.
# Alternate the variants you compare, several starts each, and report the load: the machine is shared.
set -euo pipefail
server=$(cd "${1:?server folder}" && pwd); ear=${2:?EAR}; offset=${3:?port offset}; label=${4:?label}; shift 4
here=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=../ear/src/main/server/wildfly-memory.sh
. "$here/ear/src/main/server/wildfly-memory.sh"
# shellcheck source=../scripts/cds.sh
. "$here/scripts/cds.sh"
# shellcheck source=../ear/src/main/server/wildfly-cds.sh
. "$here/ear/src/main/server/wildfly-cds.sh"
gestan_wildfly_memory
gestan_wildfly_java
export JAVA_HOME="${WF_JAVA_HOME:-${JAVA_HOME:-}}"
[[ -n "$JAVA_HOME" ]] || unset JAVA_HOME
WF_CDS_OPTS="" WF_CDS_RECORD=""
if [[ -n "${GESTAN_START_COST_CDS:-}" ]]; then
    gestan_wildfly_cds "$server" "$ear" "$GESTAN_START_COST_CDS"
fi
java_major=$(gestan_wildfly_java_major)
classlog=$server/class-load.log
rm -f "$classlog"
export JBOSS_JAVA_SIZING="$JBOSS_JAVA_SIZING $WF_CDS_OPTS $*"
if [[ "${GESTAN_START_COST_CLASSES:-0}" == "1" ]]; then
    JBOSS_JAVA_SIZING="$JBOSS_JAVA_SIZING -Xlog:class+load=info:file=$classlog"
fi

log=$server/standalone/log/server.log
pidfile=$server/wildfly.pid
rm -f "$log" "$pidfile" "$server"/standalone/deployments/gestan.ear.*
cp "$ear" "$server/standalone/deployments/gestan.ear"

ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
# CPU ticks of the threads whose name matches a pattern (C2/C1 CompilerThread, GC threads)
thread_ticks() { # pid pattern
    local sum=0 t name
    for t in /proc/"$1"/task/*; do
        name=$(cat "$t/comm" 2>/dev/null) || continue
        [[ $name =~ $2 ]] && sum=$((sum + $(awk '{print $14 + $15}' "$t/stat" 2>/dev/null || echo 0)))
    done
    echo $sum
}
hz=$(getconf CLK_TCK)
secs() { awk -v t="$1" -v hz="$hz" 'BEGIN { printf "%.2f", t / hz }'; }
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.2f", b - a }'; }

utc=$(date -u +%H:%M:%S); load=$(cut -d' ' -f1 /proc/loadavg)
t0=$(now)
JBOSS_PIDFILE=$pidfile LAUNCH_JBOSS_IN_BACKGROUND=1 "$server/bin/standalone.sh" -Dgestan.demo=true \
    -Djboss.socket.binding.port-offset="$offset" -Dgestan.public-base-url="https://localhost:$((8443 + offset))" \
    > "$server/console.log" 2>&1 &
launcher=$!
for _ in $(seq 1 200); do [[ -s $pidfile ]] && break; sleep 0.05; done
pid=$(cat "$pidfile")

deadline=$(( $(date +%s) + ${GESTAN_START_COST_TIMEOUT:-900} ))
until grep -q 'WFLYSRV0010\|WFLYSRV0025\|WFLYSRV0026' "$log" 2>/dev/null; do
    kill -0 "$pid" 2>/dev/null || { echo "WildFly exited: see $server/console.log" >&2; exit 1; }
    (( $(date +%s) < deadline )) || { echo "no WFLYSRV0010 in time: see $log" >&2; kill "$pid"; exit 1; }
    sleep 0.05
done
cpu_deployed=$(ticks "$pid"); jit=$(thread_ticks "$pid" 'C[12] CompilerThre'); gc=$(thread_ticks "$pid" '^G1|^GC Thread|^VM Thread')
launch_to_deployed=$(since "$t0")
grep -q WFLYSRV0010 "$log" || { echo "deployment failed: see $log" >&2; kill "$pid"; exit 1; }
stamp() { grep -m1 "$1" "$log" | awk '{ split($2, t, /[:,]/); printf "%.3f", t[1] * 3600 + t[2] * 60 + t[3] + t[4] / 1000 }'; }
deploy_wall=$(awk -v a="$(stamp WFLYSRV0027)" -v b="$(stamp WFLYSRV0010)" 'BEGIN { d = b - a; if (d < 0) d += 86400; printf "%.2f", d }')

until curl -fs -o /dev/null "http://localhost:$((9990 + offset))/health/ready"; do
    kill -0 "$pid" 2>/dev/null || { echo "WildFly exited: see $server/console.log" >&2; exit 1; }
    (( $(date +%s) < deadline )) || { echo "not ready in time" >&2; kill "$pid"; exit 1; }
    sleep 0.1
done
cpu_ready=$(ticks "$pid"); launch_to_ready=$(since "$t0")
rss=$(awk '/VmRSS/ { printf "%d", $2 / 1024 }' "/proc/$pid/status")
page() { curl -k -s -o /dev/null -w '%{time_total}' "https://localhost:$((8443 + offset))/"; }
first=$(page); second=$(page)
classes=-
if [[ -f $classlog ]]; then
    count() { grep -c "$1" "$classlog" || true; }
    classes="$(count ' source: ')/$(count 'source: shared objects file$')/$(count 'source: shared objects file (top)')"
fi

printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$utc" "$label" "$load" "$deploy_wall" \
    "$launch_to_deployed" "$(secs "$cpu_deployed")" "$(secs "$jit")" "$(secs "$gc")" "$launch_to_ready" \
    "$(secs "$cpu_ready")" "$first" "$second" "$rss" "$classes" "$java_major"

if [[ -n "$WF_CDS_RECORD" ]]; then
    d0=$(now)
    gestan_wildfly_cds_record "$pid" "$server/cds-dump.log" "$server/console.log"
    echo "archive $WF_CDS_RECORD recorded in $(since "$d0") s: $(du -h "$WF_CDS_RECORD" 2> /dev/null | cut -f1)" >&2
fi

if [[ -n "${GESTAN_START_COST_DUMP:-}" ]]; then
    d0=$(now)
    "${JAVA_HOME:+$JAVA_HOME/bin/}jcmd" "$pid" VM.cds dynamic_dump "$GESTAN_START_COST_DUMP" > "$server/cds-dump.log" 2>&1 || { cat "$server/cds-dump.log" >&2; }
    echo "dynamic archive $GESTAN_START_COST_DUMP written in $(since "$d0") s: $(du -h "$GESTAN_START_COST_DUMP" | cut -f1)" >&2
fi
if [[ "${GESTAN_START_COST_KEEP:-0}" != "1" ]]; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 600); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done # a CDS dump at exit takes a while
    kill -9 "$pid" 2>/dev/null || true
    wait "$launcher" 2>/dev/null || true
fi
