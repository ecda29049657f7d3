#!/usr/bin/env bash
# Gestan Cloud on two WildFly nodes behind a load balancer, on loopback (docs/operations.md, "Several nodes"):
# Keycloak, two nodes provisioned with the web-clustering layer (JGroups over TCP, static members), and a third small
# WildFly whose Undertow reverse proxy balances between them (sticky sessions, failover). PostgreSQL is required: the
# nodes share one database (H2 is single-node). Ctrl-C stops everything this script started.
#
#   GESTAN_DB_URL=jdbc:postgresql://127.0.0.1:5432/gestan ./run-cluster.sh
#       (GESTAN_DB_USER / GESTAN_DB_PASSWORD, default postgres / postgres: as in run.sh, an administrator that creates
#       the roles gestan_owner and gestan_app; GESTAN_DB_ROLES=0 runs everything as GESTAN_DB_USER)
#   GESTAN_SKIP_BUILD=1          start what was built last time (mvn -Pcluster package -DskipTests)
#   GESTAN_CLUSTER_OFFSETS="1000 2000 0"   port offsets of node1, node2 and the balancer (default: the balancer on
#                                8080/8443 like run.sh, node1 on 9080/9443, node2 on 10080/10443)
#   GESTAN_KEYCLOAK_PORT=8543    Keycloak's HTTPS port, as run.sh (its management port is this + 820; its HTTP port,
#                                which development mode always opens and which serves no sign-in page, this - 363)
#   GESTAN_START_TIMEOUT=600     seconds to wait for each server (default 400)
#   GESTAN_CLUSTER_SHARED=/mnt/gestan   the folder every node shares (default ear/target/cluster/shared, kept between
#                                runs like the database): the key files and the exports' ZIPs, which a shared volume
#                                holds in production (docs/operations.md, "What the nodes share")
# E-mail goes to GESTAN_SMTP_HOST:GESTAN_SMTP_PORT (default 127.0.0.1:3025, e.g. run.sh's GreenMail if it runs);
# without a server there, notifications wait in the outbox and are retried.
set -euo pipefail
cd "$(dirname "$0")"
# shellcheck source=scripts/lib.sh
. scripts/lib.sh

KEYCLOAK_VERSION=26.7.3
TARGET=ear/target
DIST=$TARGET/cluster-server
RUN=$TARGET/cluster
KEYCLOAK=$TARGET/keycloak/keycloak-$KEYCLOAK_VERSION
read -r NODE1_OFFSET NODE2_OFFSET LB_OFFSET <<< "${GESTAN_CLUSTER_OFFSETS:-1000 2000 0}"
KC_PORT=${GESTAN_KEYCLOAK_PORT:-8543}
KC_MANAGEMENT_PORT=$((KC_PORT + 820))
KC_HTTP_PORT=$((KC_PORT - 363))
LB_HTTPS=$((8443 + LB_OFFSET))
TIMEOUT=${GESTAN_START_TIMEOUT:-400}
SHARED=${GESTAN_CLUSTER_SHARED:-$RUN/shared}
PIDS=()

if [[ "${GESTAN_DB_URL:-}" != jdbc:postgresql:* ]]; then
    echo "run-cluster.sh needs PostgreSQL: GESTAN_DB_URL=jdbc:postgresql://host:5432/db (H2 is single-node)." >&2
    exit 1
fi

if [[ "${GESTAN_SKIP_BUILD:-0}" != "1" || ! -d "$DIST" ]]; then
    echo "==> Building the EAR and the cluster node's server (mvn -Pcluster package)..."
    [[ -x "$KEYCLOAK/bin/kc.sh" ]] || rm -rf "$TARGET/markers/keycloak"
    mvn -q -B -Pcluster package -DskipTests
fi

# The roles of production, fresh passwords at every start, the same for both nodes.
gestan_db_roles

stop_all() {
    trap - INT TERM EXIT
    echo
    echo "==> Stopping..."
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${PIDS[@]}"; do gestan_stop_pid "$pid"; done
    echo "==> Stopped."
}
trap stop_all INT TERM EXIT

gestan_ports_free "(run.sh, or another server?)" $KC_PORT $KC_HTTP_PORT $KC_MANAGEMENT_PORT \
    $((8080 + NODE1_OFFSET)) $((8080 + NODE2_OFFSET)) $((8080 + LB_OFFSET)) $LB_HTTPS \
    $((9990 + NODE1_OFFSET)) $((9990 + NODE2_OFFSET)) $((9990 + LB_OFFSET)) $((7600 + NODE1_OFFSET)) $((7600 + NODE2_OFFSET))

# Keycloak as run.sh starts it (same data folder and secrets). A balancer on another port than 8443 is added to the
# web client's redirect URIs below.
gestan_keycloak_secrets "$KEYCLOAK"
KC_ADMIN_PASSWORD="${GESTAN_KEYCLOAK_ADMIN_PASSWORD:-admin}"
# HTTPS only, with run.sh's certificate; the nodes trust it (ear/src/main/keycloak/keycloak-tls.sh).
# shellcheck source=ear/src/main/keycloak/keycloak-tls.sh
. ear/src/main/keycloak/keycloak-tls.sh
gestan_keycloak_tls "$KEYCLOAK"
echo "==> Starting Keycloak on https://localhost:$KC_PORT ..."
mkdir -p "$RUN"
gestan_start_keycloak "$KEYCLOAK" "$KC_HTTP_PORT" "$KC_PORT" "$KC_MANAGEMENT_PORT" "$KC_ADMIN_PASSWORD" "$RUN/keycloak.log"
PIDS+=("$KC_PID")

# What every node must see alike, in one folder (a shared volume in production): the keys, so that a checkpoint signed
# or a secret encrypted on one node verifies or decrypts on the other, and the exports, so that a ZIP written by one node
# is found by the node that serves its download (or removes it when it expires).
mkdir -p "$SHARED"
SHARED="$(cd "$SHARED" && pwd)"
SHARED_SETTINGS=(-Dgestan.journal.key="$SHARED/keys/journal-signing-key.pem" -Dgestan.journal.mac-key="$SHARED/keys/journal-mac-key"
    -Dgestan.tenants.secret-key="$SHARED/keys/hosted-accounts.key" -Dgestan.certificates.keystore="$SHARED/keys/certificate-signing.p12"
    -Dgestan.keys.dir="$SHARED/keys/rings" -Dgestan.exports.dir="$SHARED/exports")

# Each server gets its own copy of the provisioned standalone folder (configuration, data, logs), fresh at each start.
server_dir() { # name
    rm -rf "${RUN:?}/$1"
    cp -r "$DIST/standalone" "$RUN/$1"
}

# The nodes' heap and native memory, as run.sh's server (and the balancer's, which is the same WildFly).
# shellcheck source=ear/src/main/server/wildfly-memory.sh
. ear/src/main/server/wildfly-memory.sh
gestan_wildfly_memory

start_node() { # name offset
    local name=$1 offset=$2
    server_dir "$name"
    cp "$TARGET/gestan.ear" "$RUN/$name/deployments/gestan.ear"
    echo "==> Starting $name (offset $offset: https://localhost:$((8443 + offset)), JGroups on 127.0.0.1:$((7600 + offset)))..."
    LAUNCH_JBOSS_IN_BACKGROUND=1 "$DIST/bin/standalone.sh" -Djboss.server.base.dir="$(pwd)/$RUN/$name" \
        -Djboss.node.name="$name" -Dgestan.node="$name" -Djboss.socket.binding.port-offset="$offset" \
        -Dgestan.cluster.member1.port=$((7600 + NODE1_OFFSET)) -Dgestan.cluster.member2.port=$((7600 + NODE2_OFFSET)) \
        -Dgestan.oidc.provider-url="https://localhost:$KC_PORT/realms/gestan" "${KC_TLS_JAVA_OPTS[@]}" \
        -Dgestan.public-base-url="https://localhost:$LB_HTTPS" -Dgestan.demo=true "${SHARED_SETTINGS[@]}" \
        > "$RUN/$name.log" 2>&1 &
    PIDS+=($!)
}

gestan_wait_for Keycloak "https://localhost:$KC_PORT/realms/gestan" "$TIMEOUT" "$RUN/"
gestan_keycloak_master_https_only "https://localhost:$KC_PORT" "$KC_ADMIN_PASSWORD"
if [[ "$LB_HTTPS" != "8443" ]]; then
    KCADM=("$KEYCLOAK/bin/kcadm.sh")
    KCADM_CONFIG="$RUN/kcadm.config"
    "${KCADM[@]}" config truststore --config "$KCADM_CONFIG" --trustpass "$GESTAN_KEYCLOAK_TLS_PASSWORD" \
        "$KC_TLS_DIR/truststore.p12" > /dev/null
    "${KCADM[@]}" config credentials --config "$KCADM_CONFIG" --server "https://localhost:$KC_PORT" --realm master \
        --user admin --password "$KC_ADMIN_PASSWORD" > /dev/null
    CLIENT_ID=$("${KCADM[@]}" get clients --config "$KCADM_CONFIG" -r gestan -q clientId=gestan-web --fields id --format csv --noquotes)
    "${KCADM[@]}" update "clients/$CLIENT_ID" --config "$KCADM_CONFIG" -r gestan \
        -s "redirectUris=[\"https://localhost:8443/*\",\"https://localhost:$LB_HTTPS/*\"]" \
        -s "attributes.\"post.logout.redirect.uris\"=https://localhost:8443/*##https://localhost:$LB_HTTPS/*"
fi

# One node first: it migrates the schema; the second then finds it done.
start_node node1 "$NODE1_OFFSET"
gestan_wait_for node1 "http://localhost:$((9990 + NODE1_OFFSET))/health/ready" "$TIMEOUT" "$RUN/"
start_node node2 "$NODE2_OFFSET"

echo "==> Starting the balancer (https://localhost:$LB_HTTPS)..."
server_dir balancer
LAUNCH_JBOSS_IN_BACKGROUND=1 "$DIST/bin/standalone.sh" -Djboss.server.base.dir="$(pwd)/$RUN/balancer" \
    -Djboss.node.name=balancer -Dgestan.node=balancer -Djboss.socket.binding.port-offset="$LB_OFFSET" \
    -Dgestan.balancer.node1.port=$((8080 + NODE1_OFFSET)) -Dgestan.balancer.node2.port=$((8080 + NODE2_OFFSET)) \
    > "$RUN/balancer.log" 2>&1 &
PIDS+=($!)
gestan_wait_for balancer "http://localhost:$((9990 + LB_OFFSET))/health/live" "$TIMEOUT" "$RUN/"
"$DIST/bin/jboss-cli.sh" --connect --controller="localhost:$((9990 + LB_OFFSET))" \
    --file=ear/src/main/cluster/balancer.cli > "$RUN/balancer-cli.log"
gestan_wait_for node2 "http://localhost:$((9990 + NODE2_OFFSET))/health/ready" "$TIMEOUT" "$RUN/"

cat <<TXT

  Gestan Cloud runs on two nodes behind a balancer (PostgreSQL: $GESTAN_DB_URL).

  Through the balancer  https://localhost:$LB_HTTPS/   (self-signed certificate; X-Gestan-Node names the node that answered)
  node1                 https://localhost:$((8443 + NODE1_OFFSET))/   readiness http://localhost:$((9990 + NODE1_OFFSET))/health/ready
  node2                 https://localhost:$((8443 + NODE2_OFFSET))/   readiness http://localhost:$((9990 + NODE2_OFFSET))/health/ready
  Keycloak              https://localhost:$KC_PORT/admin/   (admin / $KC_ADMIN_PASSWORD; HTTPS only, self-signed)
  Demo sign-ins: as in run.sh (client.demo / Gestan-Client-2026! ...).

  Logs: $RUN/node1/log/server.log, $RUN/node2/log/server.log, $RUN/balancer/log/server.log, $RUN/keycloak.log.
  Stop one node to see the other take over: kill -9 \$(pgrep -f 'jboss.node.name=node1'). Ctrl-C stops everything.
TXT
wait
