-- uxforms: a support engineer takes a client's change request (the queue shows who handles what).
alter table tenant_change_request add column assignee varchar(100);
alter table tenant_change_request add column assigned_at timestamp with time zone;
create index tenant_change_request_assignee_ix on tenant_change_request (assignee, closed_at, requested_at);
