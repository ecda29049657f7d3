#!/usr/bin/env bash
# Gestan Cloud, locally: builds the EAR, provisions WildFly and unpacks Keycloak (first time only, from Maven
# Central), starts both, deploys with demo data and prints where to click. Ctrl-C stops everything.
#
#   ./run.sh                                   embedded H2 database in the server's data folder
#   GESTAN_DB_URL=jdbc:postgresql://127.0.0.1:5432/gestan ./run.sh     PostgreSQL instead
#       (GESTAN_DB_USER / GESTAN_DB_PASSWORD, default postgres / postgres: an administrator that creates the roles
#       gestan_owner and gestan_app, with fresh passwords, the application then running as gestan_app;
#       GESTAN_DB_ROLES=0 runs everything as GESTAN_DB_USER instead; the database must exist)
#   GESTAN_SKIP_BUILD=1 ./run.sh               start what was built last time, without Maven
#   GESTAN_FORCE_BUILD=1 ./run.sh              build even if no source changed since the last build
#   GESTAN_START_TIMEOUT=600 ./run.sh          wait longer for Keycloak and WildFly (default 240 s each; a busy
#                                              2-core machine needs more for Keycloak's first start; above 300 s
#                                              WildFly's own boot timeout is raised to it)
#   GESTAN_CDS=0 ./run.sh                      no class-data sharing for WildFly and Keycloak (by default a first
#                                              start records the classes each loaded, after every build for WildFly,
#                                              once for Keycloak; the next starts map them)
#   GESTAN_PORT_OFFSET=17000 ./run.sh          every port moved by this offset (WildFly's socket bindings, Keycloak,
#                                              GreenMail), e.g. beside another run or the tests; sign-in redirects back
#                                              only to the realm's listed origins (offsets 0, 10000, 20000, ...)
set -euo pipefail
cd "$(dirname "$0")"
# shellcheck source=scripts/lib.sh
. scripts/lib.sh

KEYCLOAK_VERSION=26.7.3
TARGET=ear/target
SERVER=$TARGET/server
KEYCLOAK=$TARGET/keycloak/keycloak-$KEYCLOAK_VERSION
WF_PID_FILE=$TARGET/wildfly.pid
KC_PID=""
GM_PID=""
GREENMAIL=$TARGET/greenmail/greenmail-standalone.jar
# Keycloak signs in on HTTPS only, with a self-signed certificate made once. Its development mode always opens an
# HTTP listener too (--http-enabled=false is overridden by start-dev): on 8180 it serves no password field, both realms
# requiring HTTPS (sslRequired "all": "HTTPS required" instead of a sign-in page).
PORT_OFFSET=${GESTAN_PORT_OFFSET:-0}
[[ "$PORT_OFFSET" =~ ^[0-9]+$ ]] || { echo "GESTAN_PORT_OFFSET must be a number: $PORT_OFFSET" >&2; exit 1; }
HTTP_PORT=$((8080 + PORT_OFFSET)) HTTPS_PORT=$((8443 + PORT_OFFSET)) MANAGEMENT_PORT=$((9990 + PORT_OFFSET))
KC_HTTPS_PORT=$((8543 + PORT_OFFSET)) KC_HTTP_PORT=$((8180 + PORT_OFFSET)) KC_MANAGEMENT_PORT=$((9000 + PORT_OFFSET))
SMTP_PORT=$((3025 + PORT_OFFSET)) IMAP_PORT=$((3143 + PORT_OFFSET)) GREENMAIL_API_PORT=$((8025 + PORT_OFFSET))

# Maven runs only when a source or build file is newer than the last EAR (a second start then takes seconds less).
needs_build() {
    [[ "${GESTAN_FORCE_BUILD:-0}" == "1" || ! -f "$TARGET/gestan.ear" || ! -d "$SERVER" || ! -x "$KEYCLOAK/bin/kc.sh" || ! -f "$GREENMAIL" ]] && return 0
    [[ -n "$(find pom.xml ejb web ear -newer "$TARGET/gestan.ear" -type f \( -name pom.xml -o -path '*/src/main/*' \) -print -quit)" ]]
}
if [[ "${GESTAN_SKIP_BUILD:-0}" != "1" ]] && needs_build; then
    echo "==> Building (first run downloads WildFly, Keycloak and libraries from Maven Central)..."
    # A Keycloak folder deleted by hand (to import the realm afresh) is unpacked again: its unpack marker goes too.
    [[ -x "$KEYCLOAK/bin/kc.sh" ]] || rm -rf "$TARGET/markers/keycloak"
    mvn -q -B package -DskipTests
fi

stop_all() {
    trap - INT TERM EXIT
    echo
    echo "==> Stopping..."
    if [[ -f "$WF_PID_FILE" ]]; then
        gestan_stop_pid "$(cat "$WF_PID_FILE")"
        rm -f "$WF_PID_FILE"
    fi
    if [[ -n "$KC_PID" ]]; then
        gestan_stop_pid "$KC_PID"
    fi
    if [[ -n "$GM_PID" ]]; then
        # waited for, so that a start right after this one finds its ports free
        gestan_stop_pid "$GM_PID"
    fi
    echo "==> Stopped."
}
# Ctrl-C or TERM ends the script once everything is stopped (else the watch loop below would go on, then report
# WildFly's exit as a failure).
trap 'stop_all; exit 130' INT TERM
trap stop_all EXIT

gestan_ports_free "(is Gestan Cloud, or another server, already running?)" \
    $HTTP_PORT $HTTPS_PORT $KC_HTTPS_PORT $KC_HTTP_PORT $MANAGEMENT_PORT $SMTP_PORT $GREENMAIL_API_PORT

gestan_keycloak_secrets "$KEYCLOAK"

# Keycloak's certificate and the trust store WildFly verifies it with (ear/src/main/keycloak/keycloak-tls.sh).
# shellcheck source=ear/src/main/keycloak/keycloak-tls.sh
. ear/src/main/keycloak/keycloak-tls.sh
gestan_keycloak_tls "$KEYCLOAK"

echo "==> Starting Keycloak on https://localhost:$KC_HTTPS_PORT ..."
gestan_start_keycloak "$KEYCLOAK" "$KC_HTTP_PORT" "$KC_HTTPS_PORT" "$KC_MANAGEMENT_PORT" \
    "${GESTAN_KEYCLOAK_ADMIN_PASSWORD:-admin}" "$TARGET/keycloak.log"

# A local catching SMTP server (GreenMail) receives every e-mail of the application and of Keycloak, unless
# GESTAN_SMTP_HOST names a real one: SMTP on 127.0.0.1:3025, the caught mail on http://127.0.0.1:8025/.
if [[ -z "${GESTAN_SMTP_HOST:-}" ]]; then
    echo "==> Starting GreenMail (SMTP 127.0.0.1:$SMTP_PORT, mail reader http://127.0.0.1:$GREENMAIL_API_PORT/) ..."
    java -Dgreenmail.smtp.hostname=127.0.0.1 -Dgreenmail.smtp.port=$SMTP_PORT \
        -Dgreenmail.imap.hostname=127.0.0.1 -Dgreenmail.imap.port=$IMAP_PORT \
        -Dgreenmail.api.hostname=127.0.0.1 -Dgreenmail.api.port=$GREENMAIL_API_PORT \
        -Dgreenmail.auth.disabled -jar "$GREENMAIL" > "$TARGET/greenmail.log" 2>&1 &
    GM_PID=$!
    export GESTAN_SMTP_PORT=$SMTP_PORT
    MAIL_LINE="Caught e-mail         http://127.0.0.1:$GREENMAIL_API_PORT/  (GreenMail: every e-mail sent; IMAP 127.0.0.1:$IMAP_PORT,
                                                         user = the recipient's address, any password)"
else
    MAIL_LINE="E-mail                through $GESTAN_SMTP_HOST:${GESTAN_SMTP_PORT:-3025}"
fi

# The database roles (PostgreSQL) once Keycloak and GreenMail are starting: only WildFly needs them.
if [[ "${GESTAN_DB_URL:-}" == jdbc:postgresql:* ]]; then
    gestan_db_roles
else
    DB_LABEL="embedded H2 ($SERVER/standalone/data/gestan)"
fi

echo "==> Starting WildFly on http://localhost:$HTTP_PORT and https://localhost:$HTTPS_PORT ($DB_LABEL)..."
WF_OPTS=()
if [[ "$PORT_OFFSET" != 0 ]]; then
    WF_OPTS=(-Djboss.socket.binding.port-offset="$PORT_OFFSET" -Dgestan.public-base-url="https://localhost:$HTTPS_PORT")
fi
# A longer wait is for WildFly too: past its own boot timeout (300 s) it rolls the deployment back and exits, which a
# busy machine reaches (a start on Java 25 recording its AOT cache, beside Keycloak's first start: failed after 6.5 min at a
# load of 35-40; docs/performance.md 4.30).
if (( ${GESTAN_START_TIMEOUT:-240} > 300 )); then
    WF_OPTS+=(-Djboss.as.management.blocking.timeout="$GESTAN_START_TIMEOUT")
fi
rm -f "$SERVER"/standalone/deployments/gestan.ear.*
cp "$TARGET/gestan.ear" "$SERVER/standalone/deployments/gestan.ear"
# Heap ceiling, metaspace and code cache: resident memory within 1 GB under load (docs/operations.md, "Memory").
# shellcheck source=ear/src/main/server/wildfly-memory.sh
. ear/src/main/server/wildfly-memory.sh
gestan_wildfly_memory
# Class-data sharing: the first start records the classes WildFly loaded, the next ones map them (docs/operations.md,
# "Starting"; GESTAN_CDS=0 turns it off). WildFly runs on Java 25 when one is installed (its AOT cache: deployment
# faster, docs/performance.md 4.30), else on the default Java (17) with a CDS archive; GESTAN_WILDFLY_JAVA_HOME chooses.
# shellcheck source=ear/src/main/server/wildfly-cds.sh
. ear/src/main/server/wildfly-cds.sh
gestan_wildfly_java
gestan_wildfly_cds "$SERVER" "$TARGET/gestan.ear" "$TARGET/cds"
WF_SIZING=$JBOSS_JAVA_SIZING
start_wildfly() {
    rm -f "$SERVER"/standalone/deployments/gestan.ear.?*
    JAVA_HOME="${WF_JAVA_HOME:-${JAVA_HOME:-}}" \
    JBOSS_JAVA_SIZING="$WF_SIZING $WF_CDS_OPTS" JBOSS_PIDFILE="$(pwd)/$WF_PID_FILE" LAUNCH_JBOSS_IN_BACKGROUND=1 \
        "$SERVER/bin/standalone.sh" -Dgestan.demo=true -Dgestan.oidc.provider-url="https://localhost:$KC_HTTPS_PORT/realms/gestan" \
        "${KC_TLS_JAVA_OPTS[@]}" "${WF_OPTS[@]}" > "$TARGET/wildfly.log" 2>&1 &
}
start_wildfly

gestan_wait_for Keycloak "https://localhost:$KC_HTTPS_PORT/realms/gestan" "${GESTAN_START_TIMEOUT:-240}" "$TARGET/keycloak.log"
# The realm marked imported, Keycloak's class-data archive recorded once (while WildFly deploys), master HTTPS-only.
gestan_keycloak_started "$KEYCLOAK" "$TARGET/keycloak.log"
gestan_keycloak_master_https_only "https://localhost:$KC_HTTPS_PORT" "${GESTAN_KEYCLOAK_ADMIN_PASSWORD:-admin}" "$KEYCLOAK"
gestan_wait_for WildFly "http://localhost:$MANAGEMENT_PORT/health/ready" "${GESTAN_START_TIMEOUT:-240}" "$TARGET/wildfly.log"
WF_PID=$(cat "$WF_PID_FILE" 2>/dev/null || true)
if [[ -n "$WF_CDS_RECORD" && -n "$WF_PID" ]]; then
    if [[ $WF_CDS_KIND == aot ]]; then
        echo "==> Recording the classes WildFly loaded, for the next starts (once after a build; WildFly stops meanwhile, Java 25's AOT cache)..."
    else
        echo "==> Recording the classes WildFly loaded, for the next starts (once after a build; WildFly pauses meanwhile)..."
    fi
    gestan_wildfly_cds_record "$WF_PID" "$TARGET/cds.log" "$TARGET/wildfly.log"
    if [[ -s "$WF_CDS_RECORD" || $WF_CDS_KIND == aot ]]; then
        # The recording leaves about 0.5 GB more resident in that JVM (1.47 GB under the harness against 0.89 GB for
        # a start on the archive, docs/performance.md 4.19): WildFly starts again, on the archive just recorded
        # (Java 25: its JVM has already exited, writing the AOT cache; without one if that failed).
        echo "==> Starting WildFly again, on the classes just recorded..."
        gestan_stop_pid "$WF_PID"
        WF_CDS_OPTS=""
        [[ ! -s "$WF_CDS_RECORD" ]] || WF_CDS_OPTS=$WF_CDS_USE
        start_wildfly
        gestan_wait_for WildFly "http://localhost:$MANAGEMENT_PORT/health/ready" "${GESTAN_START_TIMEOUT:-240}" "$TARGET/wildfly.log"
        WF_PID=$(cat "$WF_PID_FILE" 2>/dev/null || true)
    fi
fi

cat <<TXT

  Gestan Cloud is running (database: $DB_LABEL).

  Public home           https://localhost:$HTTPS_PORT/         (self-signed certificate: accept it once;
                                                         http://localhost:$HTTP_PORT/ redirects there)
  Server status         https://localhost:$HTTPS_PORT/status
  Verify a certificate  https://localhost:$HTTPS_PORT/verify
  Security & trust      https://localhost:$HTTPS_PORT/trust   (live figures; PDF: /trust.pdf)
  Client portal         https://localhost:$HTTPS_PORT/portal/
  Back office           https://localhost:$HTTPS_PORT/admin/
  REST API              https://localhost:$HTTPS_PORT/api/v1/me  (HTTPS only; OpenAPI: https://localhost:$HTTPS_PORT/openapi)
  Readiness             http://localhost:$MANAGEMENT_PORT/health/ready
  Keycloak console      https://localhost:$KC_HTTPS_PORT/admin/      (admin / ${GESTAN_KEYCLOAK_ADMIN_PASSWORD:-admin})
                        Keycloak (sign-in) answers on HTTPS only, with its own self-signed certificate: accept it
                        once, or trust $KC_TLS_DIR/keycloak.pem
  $MAIL_LINE

  Demo sign-ins (realm gestan):
    client   client.demo   / Gestan-Client-2026!    (Boulangerie Martin SARL)
    support  support.demo  / Gestan-Support-2026!   TOTP secret M5SXG5DBNZSGK3LPON2XA4DPOJ2DEMBS
    admin    admin.demo    / Gestan-Admin-2026!     TOTP secret M5SXG5DBNZSGK3LPMFSG22LOGIYDENRQ
    auditor  auditor.demo  / Gestan-Audit-2026!     TOTP secret M5SXG5DBNZSGK3LPMF2WI2LUN5ZDEMBS
  Staff give a 6-digit code after their password: enter the secret in an authenticator app (TOTP, SHA-1,
  30 s), or: oathtool --totp -b <secret>.

  Logs: $TARGET/wildfly.log, $TARGET/keycloak.log, $TARGET/greenmail.log.  Press Ctrl-C to stop.
TXT

# Keycloak and WildFly are watched separately: if Keycloak exits, WildFly keeps serving the public pages (sign-in
# answers 503 "momentarily unavailable") and this says how to start Keycloak again; Ctrl-C stops whatever runs.
start_keycloak_hint="(set -a; . '$SECRETS_FILE'; . '$KC_TLS_DIR/tls.env'; KC_HTTPS_KEY_STORE_PASSWORD=\$GESTAN_KEYCLOAK_TLS_PASSWORD '$KEYCLOAK/bin/kc.sh' start-dev --http-port=$KC_HTTP_PORT --https-port=$KC_HTTPS_PORT --https-key-store-file='$KC_TLS_DIR/keycloak.p12' --http-management-port=$KC_MANAGEMENT_PORT --import-realm)"
keycloak_reported=0
while true; do
    if [[ -n "$WF_PID" ]] && ! kill -0 "$WF_PID" 2>/dev/null; then
        echo >&2
        echo "WildFly (pid $WF_PID) has exited: see $TARGET/wildfly.log. Stopping Keycloak too; start again with ./run.sh." >&2
        exit 1
    fi
    if [[ $keycloak_reported == 0 && -n "$KC_PID" ]] && ! kill -0 "$KC_PID" 2>/dev/null; then
        wait "$KC_PID" 2>/dev/null && code=0 || code=$?
        echo >&2
        echo "Keycloak (pid $KC_PID) has exited with code $code: see $TARGET/keycloak.log." >&2
        echo "WildFly keeps running: public pages work; sign-in and the API answer 503 until Keycloak is back." >&2
        echo "Start Keycloak again in another terminal: $start_keycloak_hint" >&2
        KC_PID=""
        keycloak_reported=1
    fi
    sleep 2
done
