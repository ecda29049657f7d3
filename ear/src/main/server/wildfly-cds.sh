# Class-data sharing for WildFly's JVM, for run.sh (sourced after scripts/lib.sh, whose scripts/cds.sh does the work;
# docs/operations.md, "Starting"; docs/performance.md 4.18). Some 36,000 classes (WildFly's modules, the EAR's jars)
# at each start; about two thirds of them come from the archive once recorded.

# Sets WF_CDS_OPTS (the options to add to WildFly's JVM) and WF_CDS_RECORD (the archive to write once WildFly is
# ready, empty when one is already there or sharing is off). The archive depends on WildFly's modules, the EAR and
# the JVM options.
gestan_wildfly_cds() { # server-folder EAR archive-folder
    gestan_cds wildfly "$3" < <(
        sha256sum < "$2"
        find "$1/jboss-modules.jar" "$1/modules" -name '*.jar' -printf '%P %s %T@\n' | sort
        echo "$JBOSS_JAVA_SIZING"
    )
    WF_CDS_OPTS=$CDS_OPTS WF_CDS_RECORD=$CDS_RECORD
}

# Once WildFly is ready (run.sh does it before it prints the URLs: WildFly pauses meanwhile). Nothing when
# WF_CDS_RECORD is empty.
gestan_wildfly_cds_record() { # wildfly-pid log
    gestan_cds_record "$1" "$WF_CDS_RECORD" "$2"
}
