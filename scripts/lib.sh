# Sourced by run.sh and run-cluster.sh: the steps both take alike, so that a single node and a cluster start Keycloak,
# keep its secrets and set up the database roles the same way. Each function says what it sets.

# shellcheck source=scripts/cds.sh
. "$(dirname "${BASH_SOURCE[0]}")/cds.sh"

# Exits when one of the ports already answers on loopback.
gestan_ports_free() { # message port...
    local message=$1 port
    shift
    for port in "$@"; do
        if (exec 3<>/dev/tcp/127.0.0.1/"$port") 2>/dev/null; then
            echo "Port $port is already in use $message" >&2
            exit 1
        fi
    done
}

# The realm file's client secrets are placeholders: fresh secrets are generated once per Keycloak data folder (the
# realm is imported only once), kept beside it (owner-only) and given to Keycloak (placeholders) and to WildFly
# (GESTAN_OIDC_SECRET, GESTAN_KEYCLOAK_ADMIN_SECRET, GESTAN_KEYCLOAK_ADMIN_CLIENT_SECRET,
# GESTAN_KEYCLOAK_REGISTRAR_SECRET). A secrets file from before a client was added lacks its secret, and its realm
# lacks the client: both are made again (the demo realm is imported afresh).
# Sets SECRETS_FILE and exports the secrets.
gestan_keycloak_secrets() { # keycloak folder
    SECRETS_FILE=$1/data/gestan-secrets.env
    if [[ -f "$SECRETS_FILE" ]] && ! grep -q '^GESTAN_KEYCLOAK_REGISTRAR_SECRET=' "$SECRETS_FILE"; then
        echo "==> Keycloak's realm predates the API clients' registrar: importing it again"
        rm -f "$SECRETS_FILE"
    fi
    # Realm revision 3: the Gestan sign-in theme, reset-password by e-mail, HTTPS required (a realm imported before lacks them).
    if [[ -f "$SECRETS_FILE" ]] && ! grep -q '^GESTAN_REALM_REVISION=3$' "$SECRETS_FILE"; then
        echo "==> Keycloak's realm predates the Gestan sign-in pages and password reset: importing it again"
        rm -f "$SECRETS_FILE"
    fi
    if [[ ! -f "$SECRETS_FILE" ]]; then
        if [[ -d "$1/data/h2" ]]; then
            echo "==> Keycloak's realm was imported with the published development secrets: importing it again with fresh ones"
            rm -rf "$1/data/h2"
        fi
        mkdir -p "$1/data"
        (
            umask 077
            for name in GESTAN_OIDC_SECRET GESTAN_KEYCLOAK_ADMIN_SECRET GESTAN_KEYCLOAK_ADMIN_CLIENT_SECRET GESTAN_KEYCLOAK_REGISTRAR_SECRET; do
                echo "$name=$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')"
            done > "$SECRETS_FILE"
            echo "GESTAN_REALM_REVISION=3" >> "$SECRETS_FILE"
        )
    fi
    set -a
    # shellcheck source=/dev/null
    . "$SECRETS_FILE"
    set +a
}

# Starts Keycloak in development mode on HTTPS (gestan_keycloak_tls first), with the realm and the Gestan sign-in
# theme (replaced at each start). Its development mode always opens an HTTP listener too, which serves no sign-in page
# (sslRequired "all"). The realm is imported only until gestan_keycloak_started has marked it imported in Keycloak's
# database folder (an import that finds the realm skips it, but reading the realm file still took 10 s of a 99 s start
# at a load of 26: docs/performance.md 4.26); a database deleted to import afresh takes the mark with it. The classes
# come from a class-data archive once one is recorded (scripts/cds.sh; GESTAN_CDS=0 turns it off): it depends on
# Keycloak's jars (its build step rewrites some) and the JVM options. Sets KC_PID and KC_CDS_RECORD.
gestan_start_keycloak() { # keycloak-folder http-port https-port management-port admin-password log
    local keycloak=$1 import=--import-realm
    mkdir -p "$keycloak/data/import"
    cp ear/src/main/keycloak/gestan-realm.json "$keycloak/data/import/"
    [[ -f "$keycloak/data/h2/gestan-realm-imported" ]] && import=""
    rm -rf "$keycloak/themes/gestan"
    cp -r ear/src/main/keycloak/themes/gestan "$keycloak/themes/"
    gestan_cds keycloak "$keycloak/data/cds" < <(
        find "$keycloak/lib" "$keycloak/providers" -name '*.jar' -printf '%P %s %T@\n' | sort
        echo "${JAVA_OPTS:-} ${JAVA_OPTS_APPEND:-}"
    )
    KC_CDS_RECORD=$CDS_RECORD
    KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD="$5" \
        KC_HTTPS_KEY_STORE_PASSWORD="$GESTAN_KEYCLOAK_TLS_PASSWORD" JAVA_OPTS_APPEND="${JAVA_OPTS_APPEND:+$JAVA_OPTS_APPEND }$CDS_OPTS" \
        "$keycloak/bin/kc.sh" start-dev --http-port="$2" --https-port="$3" \
        --https-key-store-file="$KC_TLS_DIR/keycloak.p12" --http-management-port="$4" $import \
        > "$6" 2>&1 &
    KC_PID=$!
}

# Once realm gestan answers: marks it imported (the next starts skip the import), and records Keycloak's class-data
# archive when this start was to record one (the JVM pauses meanwhile). A start that ran Keycloak's build step
# (its first, or after a change of build options) records nothing: the build rewrote the jars the archive's name
# was made from, so the next start records it.
gestan_keycloak_started() { # keycloak-folder log
    if [[ -d "$1/data/h2" ]]; then touch "$1/data/h2/gestan-realm-imported"; fi
    if [[ -z "$KC_CDS_RECORD" ]] || grep -q '^Updating the configuration' "$2"; then return 0; fi
    local java=$KC_PID
    # kc.sh runs Java as its child, or exec's it after a build step
    [[ "$(readlink "/proc/$java/exe")" == */java ]] || java=$(pgrep -P "$KC_PID" | head -1 || true)
    if [[ -n "$java" ]]; then gestan_cds_record "$java" "$KC_CDS_RECORD" "$1/data/cds/record.log"; fi
}

# PostgreSQL's roles (docs/operations.md, "Database roles"): GESTAN_DB_USER / GESTAN_DB_PASSWORD (default postgres)
# is an administrator that creates gestan_owner (migrations) and gestan_app (the application: no DDL, journal
# append-only) with passwords new at every start, so none is published; GESTAN_DB_ROLES=0 keeps that one role for
# everything (a WARNING at start says what it allows). Exports the GESTAN_DB_* settings WildFly reads, sets DB_LABEL.
gestan_db_roles() {
    export GESTAN_DB_DRIVER=postgresql
    local admin="${GESTAN_DB_USER:-postgres}" admin_password="${GESTAN_DB_PASSWORD:-postgres}" app_password
    if [[ "${GESTAN_DB_ROLES:-1}" == "1" ]]; then
        export GESTAN_DB_MIGRATION_USER=gestan_owner GESTAN_DB_MIGRATION_PASSWORD="$(gestan_random_password)"
        app_password="$(gestan_random_password)"
        GESTAN_ROLES_ADMIN_PASSWORD="$admin_password" GESTAN_ROLES_OWNER_PASSWORD="$GESTAN_DB_MIGRATION_PASSWORD" \
            GESTAN_ROLES_APP_PASSWORD="$app_password" \
            java -cp "$TARGET/jdbc/postgresql.jar" ear/src/main/db/GestanRoles.java "$GESTAN_DB_URL" "$admin" \
            gestan_owner gestan_app
        export GESTAN_DB_USER=gestan_app GESTAN_DB_PASSWORD="$app_password"
        DB_LABEL="PostgreSQL ($GESTAN_DB_URL, roles gestan_owner / gestan_app)"
    else
        export GESTAN_DB_USER="$admin" GESTAN_DB_PASSWORD="$admin_password"
        DB_LABEL="PostgreSQL ($GESTAN_DB_URL, one role: $admin)"
    fi
}

gestan_random_password() { head -c 24 /dev/urandom | base64 | tr -d '/+=\n'; }

# Asks a process to stop, gives it 20 s, then kills it and its children (Keycloak's launcher leaves a JVM behind).
gestan_stop_pid() { # pid
    kill "$1" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$1" 2>/dev/null || break; sleep 0.5; done
    pkill -9 -P "$1" 2>/dev/null || true
    kill -9 "$1" 2>/dev/null || true
}

# Polls a URL twice a second until it answers (Keycloak's certificate trusted: gestan_keycloak_tls first), or exits.
gestan_wait_for() { # name url seconds logs
    for _ in $(seq 1 $(($3 * 2))); do
        if curl -fs --cacert "$KC_TLS_DIR/keycloak.pem" -o /dev/null "$2"; then return 0; fi
        sleep 0.5
    done
    echo "$1 did not become ready in $3 s; see $4" >&2
    exit 1
}
