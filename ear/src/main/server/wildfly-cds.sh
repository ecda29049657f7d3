# Class-data sharing for WildFly's JVM, for run.sh (sourced; docs/operations.md, "Starting"; docs/performance.md 4.18).
# A start loads, parses and verifies some 36,000 classes (WildFly's modules, the EAR's jars): the first start records
# them, once ready, into a dynamic CDS archive (jcmd <pid> VM.cds dynamic_dump; the JVM started with
# -XX:+RecordDynamicDumpInfo), and the next starts map that archive (-XX:SharedArchiveFile) instead of doing the work
# again. The archive is named after a hash of what it depends on (the JVM, WildFly's modules, the EAR, the JVM options):
# a new build, another Java or other settings record a new one, and the old one is removed. A class whose bytes changed
# is never taken from the archive (the JVM compares each class file's size and CRC), so a stale archive costs time,
# never correctness. GESTAN_CDS=0 turns it off. Needs jcmd (a JDK, not a bare JRE): without it nothing is recorded.

# Sets WF_CDS_OPTS (the options to add to WildFly's JVM) and WF_CDS_RECORD (the archive to write once WildFly is
# ready, empty when one is already there or sharing is off).
gestan_wildfly_cds() { # server-folder EAR archive-folder
    WF_CDS_OPTS="" WF_CDS_RECORD=""
    [[ "${GESTAN_CDS:-1}" == "1" ]] || return 0
    local jcmd="${JAVA_HOME:+$JAVA_HOME/bin/}jcmd" jdk key archive
    command -v "$jcmd" > /dev/null || return 0
    # the JDK that standalone.sh runs (JAVA_HOME, else java on the PATH), named by its folder and its class image
    jdk=$(dirname "$(dirname "$(readlink -f "$(command -v "${JAVA_HOME:+$JAVA_HOME/bin/}java")")")")
    key=$( {
        echo "$jdk"; stat -c '%s %Y' "$jdk/lib/modules" "$jdk/lib/server/libjvm.so" 2>/dev/null || true
        sha256sum < "$2"
        find "$1/jboss-modules.jar" "$1/modules" -name '*.jar' -printf '%P %s %T@\n' | sort
        echo "$JBOSS_JAVA_SIZING"
    } | sha256sum | cut -c1-16)
    archive="$3/wildfly-$key.jsa"
    if [[ -s "$archive" ]]; then
        WF_CDS_OPTS="-XX:SharedArchiveFile=$archive"
    else
        mkdir -p "$3"
        rm -f "$3"/wildfly-*.jsa "$3"/wildfly-*.jsa.part
        WF_CDS_OPTS="-XX:+RecordDynamicDumpInfo"
        WF_CDS_RECORD=$archive
    fi
}

# Once WildFly is ready: records the archive, under a temporary name until it is complete. WildFly pauses while the
# classes are copied (measured: 65 s at a load of 39 on 2 cores, a few seconds on a quiet machine; a page asked for
# meanwhile waits), so run.sh does it before it prints the URLs. Nothing when WF_CDS_RECORD is empty.
gestan_wildfly_cds_record() { # wildfly-pid log
    [[ -n "$WF_CDS_RECORD" ]] || return 0
    local jcmd="${JAVA_HOME:+$JAVA_HOME/bin/}jcmd"
    if "$jcmd" "$1" VM.cds dynamic_dump "$WF_CDS_RECORD.part" > "$2" 2>&1 && [[ -s "$WF_CDS_RECORD.part" ]]; then
        mv "$WF_CDS_RECORD.part" "$WF_CDS_RECORD"
    else
        rm -f "$WF_CDS_RECORD.part"
        echo "No class-data archive recorded (see $2): the next start loads WildFly's classes as usual" >&2
    fi
}
