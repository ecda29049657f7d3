#!/usr/bin/env bash
# What run.sh's Keycloak costs to start, alone (issue 19, docs/performance.md 4.26): starts the Keycloak of this tree
# exactly as run.sh does (scripts/lib.sh's gestan_start_keycloak, so GESTAN_CDS, the class-data archive and the realm-imported mark apply), waits
# for the realm gestan to answer over HTTPS, reads the CPU seconds of the launch (kc.sh and every JVM it ran, a JVM
# that re-augmented and exited included), then stops it as run.sh does. Prints one tab-separated line:
#
#   utc  label  load1  to_realm_s  cpu_s  build  cds
#
# (build: "augmented" when this launch ran Keycloak's build step, else "-"; cds: "mapped" when the JVM mapped a
# class-data archive, "recorded in N s" when this launch recorded one once the realm answered, else "-"). Then
# gestan_keycloak_started runs as in run.sh (the realm marked imported).
#
#   perf/keycloak-start.sh <port offset> <label>
#
# Needs the Keycloak run.sh unpacked (a build) and its realm secrets (one ./run.sh, or the first launch here makes
# them). Alternate the variants you compare and report the load: the machine is shared.
set -euo pipefail
offset=${1:?port offset}; label=${2:?label}
cd "$(dirname "$0")/.."
# shellcheck source=../scripts/lib.sh
. scripts/lib.sh
# shellcheck source=../ear/src/main/keycloak/keycloak-tls.sh
. ear/src/main/keycloak/keycloak-tls.sh
TARGET=ear/target
KEYCLOAK=$(ls -d "$TARGET"/keycloak/keycloak-* | head -1)
log=$TARGET/keycloak-start.log
gestan_keycloak_secrets "$KEYCLOAK"
gestan_keycloak_tls "$KEYCLOAK"
hz=$(getconf CLK_TCK)
# CPU ticks of a process and its descendants, plus the children it has already waited for (a JVM that exited)
tree_ticks() { # pid
    local sum child
    sum=$(awk '{ print $14 + $15 + $16 + $17 }' "/proc/$1/stat" 2>/dev/null || echo 0)
    for child in $(pgrep -P "$1"); do sum=$((sum + $(tree_ticks "$child"))); done
    echo "$sum"
}
now() { date +%s.%N; }

utc=$(date -u +%H:%M:%S); load=$(cut -d' ' -f1 /proc/loadavg)
t0=$(now)
gestan_start_keycloak "$KEYCLOAK" $((8180 + offset)) $((8543 + offset)) $((9000 + offset)) admin "$log"
gestan_wait_for Keycloak "https://localhost:$((8543 + offset))/realms/gestan" "${GESTAN_START_TIMEOUT:-600}" "$log"
to_realm=$(awk -v a="$t0" -v b="$(now)" 'BEGIN { printf "%.2f", b - a }')
cpu=$(awk -v t="$(tree_ticks "$KC_PID")" -v hz="$hz" 'BEGIN { printf "%.2f", t / hz }')
build=-
grep -q '^Updating the configuration' "$log" && build=augmented
cds=-
for p in $KC_PID $(pgrep -P "$KC_PID" || true); do grep -qa 'SharedArchiveFile=' "/proc/$p/cmdline" 2>/dev/null && cds=mapped; done
r0=$(now)
gestan_keycloak_started "$KEYCLOAK" "$log"
[[ -n "$KC_CDS_RECORD" && -s "$KC_CDS_RECORD" ]] && cds="recorded in $(awk -v a="$r0" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }') s"
printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$utc" "$label" "$load" "$to_realm" "$cpu" "$build" "$cds"
gestan_stop_pid "$KC_PID"
