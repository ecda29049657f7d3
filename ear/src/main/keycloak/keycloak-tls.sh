# Sourced by run.sh and run-cluster.sh: the local Keycloak's HTTPS certificate and the trust store of the servers
# that call it (docs/operations.md, "Keycloak on HTTPS"). Generated once per Keycloak folder, kept in
# $KEYCLOAK/conf/gestan-tls (owner-only):
#   keycloak.p12    Keycloak's key and self-signed certificate (CN=localhost, SAN localhost and 127.0.0.1, 825 days)
#   keycloak.pem    the certificate alone (curl --cacert, a browser or an OS to trust it by hand)
#   truststore.p12  the JDK's public authorities plus that certificate: WildFly's javax.net.ssl.trustStore, so that the
#                   OIDC client and the Keycloak admin clients verify Keycloak (and webhooks still verify public sites)
#   tls.env         GESTAN_KEYCLOAK_TLS_PASSWORD, the password of both stores (random)
# gestan_keycloak_tls sets KC_TLS_DIR, GESTAN_KEYCLOAK_TLS_PASSWORD and KC_TLS_JAVA_OPTS (the -D options for WildFly).

gestan_keycloak_tls() { # keycloak folder
    KC_TLS_DIR="$1/conf/gestan-tls"
    if [[ ! -f "$KC_TLS_DIR/truststore.p12" || ! -f "$KC_TLS_DIR/tls.env" ]]; then
        echo "==> Generating Keycloak's self-signed HTTPS certificate (once: $KC_TLS_DIR)"
        local java_home cacerts password
        java_home="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
        cacerts="$java_home/lib/security/cacerts"
        rm -rf "$KC_TLS_DIR"
        (
            umask 077
            mkdir -p "$KC_TLS_DIR"
            password="$(od -An -N18 -tx1 /dev/urandom | tr -d ' \n')"
            "$java_home/bin/keytool" -genkeypair -alias keycloak -keyalg RSA -keysize 2048 -validity 825 \
                -dname "CN=localhost, O=Gestan Cloud (local)" -ext "SAN=dns:localhost,ip:127.0.0.1" \
                -keystore "$KC_TLS_DIR/keycloak.p12" -storetype PKCS12 -storepass "$password" 2> /dev/null
            "$java_home/bin/keytool" -exportcert -rfc -alias keycloak -keystore "$KC_TLS_DIR/keycloak.p12" \
                -storepass "$password" -file "$KC_TLS_DIR/keycloak.pem" 2> /dev/null
            if [[ -f "$cacerts" ]]; then
                "$java_home/bin/keytool" -importkeystore -srckeystore "$cacerts" -srcstorepass changeit -noprompt \
                    -destkeystore "$KC_TLS_DIR/truststore.p12" -deststoretype PKCS12 -deststorepass "$password" \
                    > /dev/null 2>&1
            fi
            "$java_home/bin/keytool" -importcert -noprompt -alias gestan-local-keycloak -file "$KC_TLS_DIR/keycloak.pem" \
                -keystore "$KC_TLS_DIR/truststore.p12" -storetype PKCS12 -storepass "$password" > /dev/null 2>&1
            echo "GESTAN_KEYCLOAK_TLS_PASSWORD=$password" > "$KC_TLS_DIR/tls.env"
        )
        chmod 644 "$KC_TLS_DIR/keycloak.pem"
    fi
    # shellcheck source=/dev/null
    . "$KC_TLS_DIR/tls.env"
    KC_TLS_JAVA_OPTS=(-Djavax.net.ssl.trustStore="$(cd "$KC_TLS_DIR" && pwd)/truststore.p12"
        -Djavax.net.ssl.trustStoreType=PKCS12 -Djavax.net.ssl.trustStorePassword="$GESTAN_KEYCLOAK_TLS_PASSWORD")
}

# Keycloak's development mode always opens an HTTP listener: the master realm (the administration console) then
# requires HTTPS as realm gestan does (sslRequired "all"), so that no password field is served over HTTP there either.
# Kept in Keycloak's database: done once per database (a mark beside it; a database deleted takes the mark with it).
gestan_keycloak_master_https_only() { # base URL (https), bootstrap admin password, keycloak folder
    local token mark="$3/data/h2/gestan-master-https-only"
    if [[ -f "$mark" ]]; then return 0; fi
    token=$(curl -fs --cacert "$KC_TLS_DIR/keycloak.pem" "$1/realms/master/protocol/openid-connect/token" \
        -d grant_type=password -d client_id=admin-cli -d username=admin --data-urlencode "password=$2" \
        | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')
    if [[ -z "$token" ]] || ! curl -fs --cacert "$KC_TLS_DIR/keycloak.pem" -X PUT -H "Authorization: Bearer $token" \
            -H 'Content-Type: application/json' -d '{"sslRequired":"all"}' "$1/admin/realms/master"; then
        echo "WARNING: could not make Keycloak's master realm HTTPS-only (its console stays reachable over HTTP)" >&2
    elif [[ -d "$3/data/h2" ]]; then
        touch "$mark"
    fi
}
