-- When each server was commissioned (issue 15): the time before it is not applicable on /status and in the
-- availability figures, neither "up" nor unmonitored. Servers entered before this migration: the earliest trace of
-- them (a contract created or starting on them, a measurement, an agent event), else the migration's time.
alter table hosting_server add column commissioned_at timestamp;
update hosting_server set commissioned_at = least(
    coalesce((select min(c.created_at) from hosting_contract c
              where c.production_server_id = hosting_server.id or c.backup_server_id = hosting_server.id), current_timestamp),
    coalesce((select cast(min(c.starts_on) as timestamp) from hosting_contract c
              where c.production_server_id = hosting_server.id or c.backup_server_id = hosting_server.id), current_timestamp),
    coalesce((select min(m.received_at) from server_metric m where m.server_id = hosting_server.id), current_timestamp),
    coalesce((select min(e.received_at) from agent_event e where e.server_id = hosting_server.id), current_timestamp),
    current_timestamp);
alter table hosting_server alter column commissioned_at set not null;
