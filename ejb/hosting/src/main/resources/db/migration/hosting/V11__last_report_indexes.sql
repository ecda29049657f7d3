-- When each server last reported (the status page, the capacity tile, the client's servers): the latest metric and
-- the latest agent event of each server, read from these indexes instead of grouping every row of both tables.
create index server_metric_received_ix on server_metric (server_id, received_at);
create index agent_event_received_ix on agent_event (server_id, received_at);
