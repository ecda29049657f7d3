#!/bin/bash
# Samples, every 2 s until killed, what a certificate batch costs outside the JVM (issue 19, docs/compliance.md
# "Issue 19, fourth step"): CPU ticks (1/100 s) of the test WildFly (found by its port offset) and of the PostgreSQL
# backends of one database, and that database's transactions, rows and table scans.
#   perf/batch-sample.sh <database> <port offset> > samples.tsv
# Columns: epoch, wildfly_ticks, db_backend_ticks, all_postgres_ticks, xact_commit, xact_rollback, tup_inserted,
#          tup_updated, tup_returned+tup_fetched, scans (seq + idx over user tables), load average (1 min),
#          test_jvm_ticks (the JVM that started the test WildFly: in ScaleBenchmarkIT the test's mail catcher, which receives
#          the batch's e-mails on the same cores; 0 when WildFly's parent is not a JVM)
db=${1:?database}; offset=${2:?port offset}
ticks() { local sum=0; for p in "$@"; do [ -r /proc/$p/stat ] && sum=$((sum + $(awk '{print $14+$15}' /proc/$p/stat 2>/dev/null || echo 0))); done; echo $sum; }
while true; do
  wf=$(pgrep -f "jboss.socket.binding.port-offset=$offset" | head -1)
  tj=$( [ -n "$wf" ] && ps -o ppid= -p "$wf" | tr -d ' ')
  [ -n "$tj" ] && [ "$(ps -o comm= -p "$tj")" = java ] || tj=
  backends=$(pgrep -f "postgres: 15/main: [a-z0-9_]* $db ")
  allpg=$(pgrep -u postgres)
  stats=$(psql -h 127.0.0.1 -U postgres -d "$db" -AtF $'\t' -c "select d.xact_commit, d.xact_rollback, d.tup_inserted, d.tup_updated, d.tup_returned + d.tup_fetched, (select coalesce(sum(seq_scan + coalesce(idx_scan,0)),0) from pg_stat_user_tables) from pg_stat_database d where d.datname = current_database()" 2>/dev/null)
  [ -n "$stats" ] && printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$(date +%s)" "$( [ -n "$wf" ] && ticks $wf || echo 0)" "$(ticks $backends)" "$(ticks $allpg)" "$stats" "$(cut -d' ' -f1 /proc/loadavg)" "$( [ -n "$tj" ] && ticks $tj || echo 0)"
  sleep 2
done
