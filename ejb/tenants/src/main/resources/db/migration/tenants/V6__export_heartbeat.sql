-- A running export's heartbeat: refreshed while its worker runs, so that an export cut short by a crash (no
-- heartbeat any more) is marked failed soon after the restart instead of staying RUNNING for a day.
alter table tenant_export add column heartbeat_at timestamp with time zone;
