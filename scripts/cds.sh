# Class-data sharing for a server's JVM (sourced through scripts/lib.sh; docs/operations.md, "Starting";
# docs/performance.md 4.18 for WildFly, 4.26 for Keycloak). A start loads, parses and verifies tens of thousands of
# classes: the first start records, once ready, the classes its JVM loaded into a dynamic CDS archive
# (jcmd <pid> VM.cds dynamic_dump; the JVM started with -XX:+RecordDynamicDumpInfo), and the next starts map that
# archive (-XX:SharedArchiveFile) instead of doing the work again. The archive is named after a hash of what it
# depends on (the JVM, and what the caller gives on stdin: the server's jars, the JVM options...): a new build,
# another Java or other settings record a new one, and the old one is removed. A class whose bytes changed is never
# taken from the archive (the JVM compares each class file's size and CRC), so a stale archive costs time, never
# correctness. GESTAN_CDS=0 turns it off. Needs jcmd (a JDK, not a bare JRE): without it nothing is recorded.

# Sets CDS_OPTS (the options to add to the JVM) and CDS_RECORD (the archive to write once the server is ready, empty
# when one is already there or sharing is off). Reads what the archive depends on, besides the JDK, from stdin.
gestan_cds() { # name archive-folder < dependencies
    CDS_OPTS="" CDS_RECORD=""
    [[ "${GESTAN_CDS:-1}" == "1" ]] || { cat > /dev/null; return 0; }
    local jcmd="${JAVA_HOME:+$JAVA_HOME/bin/}jcmd" jdk key archive
    command -v "$jcmd" > /dev/null || { cat > /dev/null; return 0; }
    # the JDK that the server runs (JAVA_HOME, else java on the PATH), named by its folder and its class image
    jdk=$(dirname "$(dirname "$(readlink -f "$(command -v "${JAVA_HOME:+$JAVA_HOME/bin/}java")")")")
    key=$( {
        echo "$jdk"; stat -c '%s %Y' "$jdk/lib/modules" "$jdk/lib/server/libjvm.so" 2>/dev/null || true
        cat
    } | sha256sum | cut -c1-16)
    archive="$2/$1-$key.jsa"
    if [[ -s "$archive" ]]; then
        CDS_OPTS="-XX:SharedArchiveFile=$archive"
    else
        mkdir -p "$2"
        rm -f "$2/$1"-*.jsa "$2/$1"-*.jsa.part
        CDS_OPTS="-XX:+RecordDynamicDumpInfo"
        CDS_RECORD=$archive
    fi
}

# Once the server is ready: records the archive, under a temporary name until it is complete. The JVM pauses while
# the classes are copied (WildFly: 65 s measured at a load of 39 on 2 cores, a few seconds on a quiet machine; a
# request meanwhile waits). Nothing when the archive is empty.
gestan_cds_record() { # java-pid archive log
    [[ -n "$2" ]] || return 0
    local jcmd="${JAVA_HOME:+$JAVA_HOME/bin/}jcmd"
    if "$jcmd" "$1" VM.cds dynamic_dump "$2.part" > "$3" 2>&1 && [[ -s "$2.part" ]]; then
        mv "$2.part" "$2"
    else
        rm -f "$2.part"
        echo "No class-data archive recorded (see $3): the next start loads the classes as usual" >&2
    fi
}
