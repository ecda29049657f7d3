#!/usr/bin/env bash
# Gestan Cloud on two (or N) WildFly nodes behind a load balancer, on loopback (docs/operations.md, "Several nodes"):
# Keycloak, the nodes provisioned with the web-clustering layer (JGroups over TCP, static members), and one more small
# WildFly whose Undertow reverse proxy balances between them (sticky sessions, failover). PostgreSQL is required: the
# nodes share one database (H2 is single-node). Ctrl-C stops everything this script started.
#
#   GESTAN_DB_URL=jdbc:postgresql://127.0.0.1:5432/gestan ./run-cluster.sh
#       (GESTAN_DB_USER / GESTAN_DB_PASSWORD, default postgres / postgres: as in run.sh, an administrator that creates
#       the roles gestan_owner and gestan_app; GESTAN_DB_ROLES=0 runs everything as GESTAN_DB_USER)
#   GESTAN_SKIP_BUILD=1          start what was built last time (mvn -Pcluster package -DskipTests)
#   GESTAN_CLUSTER_NODES=3       how many nodes (default 2): node1 … nodeN, each given every member's JGroups address
#                                (TCPPING) and all of them behind the balancer
#   GESTAN_CLUSTER_OFFSETS="1000 2000 0"   port offsets of node1, node2 and the balancer (default: the balancer on
#                                8080/8443 like run.sh, node1 on 9080/9443, node2 on 10080/10443, node i on offset
#                                i × 1000); with N nodes either "n1 … nN balancer", or the three values of two nodes,
#                                the next nodes then following at node2's step
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
NODES=${GESTAN_CLUSTER_NODES:-2}
if ! [[ "$NODES" =~ ^[0-9]+$ ]] || (( NODES < 2 || NODES > 9 )); then
    echo "GESTAN_CLUSTER_NODES must be a number from 2 to 9 (one node: ./run.sh): $NODES" >&2
    exit 1
fi
# NODE_OFFSETS[i-1]: node i's port offset; LB_OFFSET: the balancer's.
read -r -a OFFSETS <<< "${GESTAN_CLUSTER_OFFSETS:-1000 2000 0}"
if (( ${#OFFSETS[@]} == NODES + 1 )); then
    NODE_OFFSETS=("${OFFSETS[@]:0:NODES}")
    LB_OFFSET=${OFFSETS[NODES]}
elif (( ${#OFFSETS[@]} == 3 )); then
    NODE_OFFSETS=("${OFFSETS[0]}" "${OFFSETS[1]}")
    LB_OFFSET=${OFFSETS[2]}
    for ((i = 3; i <= NODES; i++)); do
        NODE_OFFSETS+=($((OFFSETS[1] + (i - 2) * (OFFSETS[1] - OFFSETS[0]))))
    done
else
    echo "GESTAN_CLUSTER_OFFSETS: the offsets of the $NODES nodes then the balancer's, or of two nodes and the balancer" >&2
    exit 1
fi
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

# Every node's JGroups address (the same static list on every node, TCPPING) and the balancer's settings for each node.
MEMBERS=()
BALANCED=()
NODE_PORTS=()
for ((i = 1; i <= NODES; i++)); do
    offset=${NODE_OFFSETS[i - 1]}
    MEMBERS+=("-Dgestan.cluster.member$i.port=$((7600 + offset))")
    BALANCED+=("-Dgestan.balancer.node$i.port=$((8080 + offset))")
    NODE_PORTS+=($((8080 + offset)) $((8443 + offset)) $((9990 + offset)) $((7600 + offset)))
done
gestan_ports_free "(run.sh, or another server?)" $KC_PORT $KC_HTTP_PORT $KC_MANAGEMENT_PORT \
    $((8080 + LB_OFFSET)) $LB_HTTPS $((9990 + LB_OFFSET)) "${NODE_PORTS[@]}"

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

# Each server gets its own copy of the provisioned standalone folder (configuration, data, logs), fresh at each start:
# of the server as provisioned, or for the nodes of a cluster of more than two, of the template below.
server_dir() { # name [template]
    rm -rf "${RUN:?}/$1"
    cp -r "${2:-$DIST/standalone}" "$RUN/$1"
}

# The provisioned node knows two members (cluster.cli: gestan-member-1 and -2 in TCPPING); with more nodes, the others
# are added to a template of the nodes' configuration, once, by WildFly's CLI on an embedded (not started) server:
# gestan-member-i at gestan.cluster.member<i>.host (default 127.0.0.1) and .port, in TCPPING's list.
NODE_TEMPLATE="$DIST/standalone"
if (( NODES > 2 )); then
    NODE_TEMPLATE="$RUN/node-template"
    rm -rf "$NODE_TEMPLATE"
    mkdir -p "$RUN"
    cp -r "$DIST/standalone" "$NODE_TEMPLATE"
    bindings="gestan-member-1, gestan-member-2"
    {
        echo "embed-server --server-config=standalone.xml --std-out=discard"
        for ((i = 3; i <= NODES; i++)); do
            echo "/socket-binding-group=standard-sockets/remote-destination-outbound-socket-binding=gestan-member-$i:add(host=\"\${gestan.cluster.member$i.host:127.0.0.1}\", port=\"\${gestan.cluster.member$i.port}\")"
            bindings="$bindings, gestan-member-$i"
        done
        echo "/subsystem=jgroups/stack=tcp/protocol=TCPPING:write-attribute(name=socket-bindings, value=[$bindings])"
        echo "stop-embedded-server"
    } > "$RUN/members.cli"
    echo "==> Adding members 3 to $NODES to the nodes' JGroups list ($RUN/members.cli)..."
    JAVA_OPTS="-Djboss.server.base.dir=$(pwd)/$NODE_TEMPLATE" "$DIST/bin/jboss-cli.sh" --file="$RUN/members.cli" > "$RUN/members-cli.log" 2>&1 \
        || { echo "Could not add the members: see $RUN/members-cli.log" >&2; exit 1; }
    rm -rf "$NODE_TEMPLATE/log" "$NODE_TEMPLATE/data" "$NODE_TEMPLATE/tmp" "$NODE_TEMPLATE/configuration/standalone_xml_history"
fi

# The nodes' heap and native memory, as run.sh's server (and the balancer's, which is the same WildFly).
# shellcheck source=ear/src/main/server/wildfly-memory.sh
. ear/src/main/server/wildfly-memory.sh
gestan_wildfly_memory

start_node() { # name offset
    local name=$1 offset=$2
    server_dir "$name" "$NODE_TEMPLATE"
    cp "$TARGET/gestan.ear" "$RUN/$name/deployments/gestan.ear"
    echo "==> Starting $name (offset $offset: https://localhost:$((8443 + offset)), JGroups on 127.0.0.1:$((7600 + offset)))..."
    LAUNCH_JBOSS_IN_BACKGROUND=1 "$DIST/bin/standalone.sh" -Djboss.server.base.dir="$(pwd)/$RUN/$name" \
        -Djboss.node.name="$name" -Dgestan.node="$name" -Djboss.socket.binding.port-offset="$offset" \
        "${MEMBERS[@]}" \
        -Dgestan.oidc.provider-url="https://localhost:$KC_PORT/realms/gestan" "${KC_TLS_JAVA_OPTS[@]}" \
        -Dgestan.public-base-url="https://localhost:$LB_HTTPS" -Dgestan.demo=true "${SHARED_SETTINGS[@]}" \
        > "$RUN/$name.log" 2>&1 &
    PIDS+=($!)
}

gestan_wait_for Keycloak "https://localhost:$KC_PORT/realms/gestan" "$TIMEOUT" "$RUN/"
gestan_keycloak_started "$KEYCLOAK" "$RUN/keycloak.log"
gestan_keycloak_master_https_only "https://localhost:$KC_PORT" "$KC_ADMIN_PASSWORD" "$KEYCLOAK"
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

# One node first: it migrates the schema; the others then find it done.
start_node node1 "${NODE_OFFSETS[0]}"
gestan_wait_for node1 "http://localhost:$((9990 + NODE_OFFSETS[0]))/health/ready" "$TIMEOUT" "$RUN/"
for ((i = 2; i <= NODES; i++)); do
    start_node "node$i" "${NODE_OFFSETS[i - 1]}"
done

echo "==> Starting the balancer (https://localhost:$LB_HTTPS)..."
server_dir balancer
LAUNCH_JBOSS_IN_BACKGROUND=1 "$DIST/bin/standalone.sh" -Djboss.server.base.dir="$(pwd)/$RUN/balancer" \
    -Djboss.node.name=balancer -Dgestan.node=balancer -Djboss.socket.binding.port-offset="$LB_OFFSET" \
    "${BALANCED[@]}" > "$RUN/balancer.log" 2>&1 &
PIDS+=($!)
gestan_wait_for balancer "http://localhost:$((9990 + LB_OFFSET))/health/live" "$TIMEOUT" "$RUN/"
# balancer.cli balances node1 and node2; nodes 3 to N are added the same way before its closing reload.
BALANCER_CLI=ear/src/main/cluster/balancer.cli
if (( NODES > 2 )); then
    BALANCER_CLI="$RUN/balancer.cli"
    {
        grep -v '^reload$' ear/src/main/cluster/balancer.cli
        for ((i = 3; i <= NODES; i++)); do
            echo "/socket-binding-group=standard-sockets/remote-destination-outbound-socket-binding=gestan-node$i:add(host=127.0.0.1, port=\"\${gestan.balancer.node$i.port}\")"
            echo "/subsystem=undertow/configuration=handler/reverse-proxy=gestan-nodes/host=node$i:add(outbound-socket-binding=gestan-node$i, scheme=http, instance-id=node$i, path=/)"
        done
        echo "reload"
    } > "$BALANCER_CLI"
fi
"$DIST/bin/jboss-cli.sh" --connect --controller="localhost:$((9990 + LB_OFFSET))" --file="$BALANCER_CLI" > "$RUN/balancer-cli.log"
for ((i = 2; i <= NODES; i++)); do
    gestan_wait_for "node$i" "http://localhost:$((9990 + NODE_OFFSETS[i - 1]))/health/ready" "$TIMEOUT" "$RUN/"
done

cat <<TXT

  Gestan Cloud runs on $NODES nodes behind a balancer (PostgreSQL: $GESTAN_DB_URL).

  Through the balancer  https://localhost:$LB_HTTPS/   (self-signed certificate; X-Gestan-Node names the node that answered)
$(for ((i = 1; i <= NODES; i++)); do o=${NODE_OFFSETS[i - 1]}
    printf '  %-21s https://localhost:%s/   readiness http://localhost:%s/health/ready\n' "node$i" $((8443 + o)) $((9990 + o)); done)
  Keycloak              https://localhost:$KC_PORT/admin/   (admin / $KC_ADMIN_PASSWORD; HTTPS only, self-signed)
  Demo sign-ins: as in run.sh (client.demo / Gestan-Client-2026! ...).

  Logs: $RUN/node<i>/log/server.log, $RUN/balancer/log/server.log, $RUN/keycloak.log.
  Stop one node to see the other take over: kill -9 \$(pgrep -f 'jboss.node.name=node1'). Ctrl-C stops everything.
TXT
wait
