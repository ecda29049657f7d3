#!/usr/bin/env bash
# How long ./run.sh takes to the printed URLs (issue 19: a second start within 30 s), and the first pages after them
# (docs/performance.md 4.18). Runs GESTAN_SKIP_BUILD=1 ./run.sh of this tree (the environment passes through:
# GESTAN_CDS, GESTAN_DB_URL...), times it from the command to the line "Gestan Cloud is running", asks for the home
# page twice and /status once, then stops run.sh (TERM to its pid, as Ctrl-C does) and waits until it has stopped
# everything. Prints one tab-separated line:
#
#   utc  label  load1  to_urls_s  first_page_s  second_page_s  first_status_s  wildfly_cpu_s_at_urls  keycloak_cpu_s_at_urls  cds
#
# (cds: "recorded" when this start recorded the class-data archive before the URLs, "mapped" when it used one.)
#
# One run.sh at a time on a machine (its ports are fixed): take the lock, e.g.
#   flock /tmp/gestan-runsh.lock perf/runsh-start.sh second-start
set -euo pipefail
label=${1:?label}
here=$(cd "$(dirname "$0")/.." && pwd)
target=$here/ear/target
out=$target/runsh-start.log
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.2f", b - a }'; }
cpu() { [[ -n "$1" && -r /proc/$1/stat ]] && awk -v hz="$(getconf CLK_TCK)" '{ printf "%.1f", ($14 + $15) / hz }' "/proc/$1/stat" || echo -; }

utc=$(date -u +%H:%M:%S); load=$(cut -d' ' -f1 /proc/loadavg)
t0=$(now)
GESTAN_SKIP_BUILD=1 "$here/run.sh" > "$out" 2>&1 &
runsh=$!
until grep -q 'Gestan Cloud is running' "$out"; do
    kill -0 "$runsh" 2>/dev/null || { echo "run.sh ended: see $out" >&2; exit 1; }
    sleep 0.1
done
to_urls=$(since "$t0")
wf=$(cat "$target/wildfly.pid" 2>/dev/null || true)
# Keycloak's JVM: the Quarkus launcher started from this tree (WildFly's command line names Keycloak's folder too,
# for its trust store, so a match on the folder finds WildFly)
kc=""
for p in $(pgrep -f 'io.quarkus.bootstrap.runner.QuarkusEntryPoint' || true); do
    [[ "$(readlink "/proc/$p/cwd")" == "$here" ]] && kc=$p
done
wf_cpu=$(cpu "$wf"); kc_cpu=$(cpu "$kc")
page() { curl -k -s -o /dev/null -w '%{time_total}' "https://localhost:$((8443 + ${GESTAN_PORT_OFFSET:-0}))/$1"; }
first=$(page ""); second=$(page ""); status=$(page status)
cds=none
grep -q 'Recording the classes WildFly loaded' "$out" && cds="recorded $(ls "$target/cds/")"
grep -q -- '-XX:SharedArchiveFile=' "$target/wildfly.log" && cds=mapped
printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$utc" "$label" "$load" "$to_urls" "$first" "$second" "$status" \
    "$wf_cpu" "$kc_cpu" "$cds"
kill -TERM "$runsh"
wait "$runsh" 2>/dev/null || true
