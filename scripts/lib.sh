# Sourced by run.sh and run-cluster.sh: the steps both take alike, so that a single node and a cluster start Keycloak,
# keep its secrets and set up the database roles the same way. Each function says what it sets.

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
# (sslRequired "all"). Sets KC_PID.
gestan_start_keycloak() { # keycloak-folder http-port https-port management-port admin-password log
    local keycloak=$1
    mkdir -p "$keycloak/data/import"
    cp ear/src/main/keycloak/gestan-realm.json "$keycloak/data/import/"
    rm -rf "$keycloak/themes/gestan"
    cp -r ear/src/main/keycloak/themes/gestan "$keycloak/themes/"
    KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD="$5" \
        KC_HTTPS_KEY_STORE_PASSWORD="$GESTAN_KEYCLOAK_TLS_PASSWORD" \
        "$keycloak/bin/kc.sh" start-dev --http-port="$2" --https-port="$3" \
        --https-key-store-file="$KC_TLS_DIR/keycloak.p12" --http-management-port="$4" --import-realm \
        > "$6" 2>&1 &
    KC_PID=$!
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
