# Class-data sharing for WildFly's JVM, for run.sh and perf/start-cost.sh (sourced after scripts/lib.sh, whose
# scripts/cds.sh does the work; docs/operations.md, "Starting"; docs/performance.md 4.18, 4.30). Some 33,000-36,000
# classes (WildFly's modules, the EAR's jars) at each start.
#
# Two kinds of archive, after the JDK that runs WildFly (gestan_wildfly_java):
# - Java 25 (found beside the default Java, or named by GESTAN_WILDFLY_JAVA_HOME): an AOT cache (JEP 483/514/515):
#   a training start with -XX:AOTCacheOutput writes it when its JVM exits (about 86 % of the classes loaded, linked,
#   with the methods' profiles), the next starts map it with -XX:AOTCache (performance.md 4.30);
# - else (Java 17): a dynamic CDS archive, recorded with jcmd once WildFly is ready (-XX:+RecordDynamicDumpInfo),
#   mapped with -XX:SharedArchiveFile (about two thirds of the classes; performance.md 4.18).

# Sets WF_JAVA_HOME: the JDK that runs WildFly ("" = the java on the PATH, or JAVA_HOME, as WildFly's scripts choose).
# GESTAN_WILDFLY_JAVA_HOME, when set, decides ("" keeps WildFly's own choice); else the first Java 25 among JAVA_HOME
# and the JDKs under /usr/lib/jvm and /Library/Java/JavaVirtualMachines.
gestan_wildfly_java() {
    WF_JAVA_HOME=""
    if [[ -n "${GESTAN_WILDFLY_JAVA_HOME+set}" ]]; then
        WF_JAVA_HOME=$GESTAN_WILDFLY_JAVA_HOME
        return 0
    fi
    local jdk
    for jdk in "${JAVA_HOME:-}" /usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
        [[ -n "$jdk" && -x "$jdk/bin/java" && -x "$jdk/bin/jcmd" && -f "$jdk/release" ]] || continue
        if [[ "$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$jdk/release")" == 25 ]]; then
            WF_JAVA_HOME=$jdk
            return 0
        fi
    done
}

# The major version of WildFly's Java (WF_JAVA_HOME, else JAVA_HOME, else the java on the PATH).
gestan_wildfly_java_major() {
    local java="${WF_JAVA_HOME:-${JAVA_HOME:-}}"
    java="${java:+$java/bin/}java"
    "$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p'
}

# Sets WF_CDS_OPTS (the options to add to WildFly's JVM for this start), WF_CDS_RECORD (the archive this start is to
# record, empty when one is already there or sharing is off) and WF_CDS_USE (the options that map WF_CDS_RECORD once
# recorded). The archive depends on the JDK, WildFly's modules, the EAR and the JVM options. Call gestan_wildfly_java
# first.
gestan_wildfly_cds() { # server-folder EAR archive-folder
    local kind=cds
    [[ "$(gestan_wildfly_java_major)" -ge 25 ]] 2> /dev/null && kind=aot
    JAVA_HOME="${WF_JAVA_HOME:-${JAVA_HOME:-}}" gestan_cds wildfly "$3" < <(
        echo "$kind"
        sha256sum < "$2"
        find "$1/jboss-modules.jar" "$1/modules" -name '*.jar' -printf '%P %s %T@\n' | sort
        echo "$JBOSS_JAVA_SIZING"
    )
    WF_CDS_KIND=$kind WF_CDS_OPTS=$CDS_OPTS WF_CDS_RECORD=$CDS_RECORD WF_CDS_USE=""
    if [[ $kind == aot ]]; then
        if [[ -n "$CDS_RECORD" ]]; then
            # written under a temporary name (and its .config beside it), renamed once complete
            rm -f "$3"/wildfly-*.config
            WF_CDS_OPTS="-XX:AOTCacheOutput=$CDS_RECORD.part"
        elif [[ -n "$CDS_OPTS" ]]; then
            WF_CDS_OPTS="-XX:AOTCache=${CDS_OPTS#-XX:SharedArchiveFile=}"
        fi
        [[ -z "$CDS_RECORD" ]] || WF_CDS_USE="-XX:AOTCache=$CDS_RECORD"
    else
        [[ -z "$CDS_RECORD" ]] || WF_CDS_USE="-XX:SharedArchiveFile=$CDS_RECORD"
    fi
}

# Once WildFly is ready (run.sh does it before it prints the URLs). Nothing when WF_CDS_RECORD is empty. Java 17:
# jcmd copies the classes (WildFly pauses meanwhile) and WildFly keeps running. Java 25: WildFly is stopped, and its
# JVM writes the AOT cache as it exits (it says so in WildFly's console log; waited for, 600 s at most); run.sh then starts it again on the
# archive. The archive exists afterwards only if it was written completely.
gestan_wildfly_cds_record() { # wildfly-pid log console-log [seconds]
    [[ -n "$WF_CDS_RECORD" ]] || return 0
    if [[ $WF_CDS_KIND != aot ]]; then
        JAVA_HOME="${WF_JAVA_HOME:-${JAVA_HOME:-}}" gestan_cds_record "$1" "$WF_CDS_RECORD" "$2"
        return 0
    fi
    kill -TERM "$1" 2> /dev/null || true
    local i
    for ((i = 0; i < ${4:-600} * 2; i++)); do kill -0 "$1" 2> /dev/null || break; sleep 0.5; done
    if ! kill -0 "$1" 2> /dev/null && grep -q "AOTCache creation is complete: $WF_CDS_RECORD.part" "$3" 2> /dev/null \
        && [[ -s "$WF_CDS_RECORD.part" ]]; then
        mv "$WF_CDS_RECORD.part" "$WF_CDS_RECORD"
    else
        rm -f "$WF_CDS_RECORD.part" "$WF_CDS_RECORD.part.config"
        echo "No AOT cache recorded (see $3): the next start loads the classes as usual" >&2
    fi
}
