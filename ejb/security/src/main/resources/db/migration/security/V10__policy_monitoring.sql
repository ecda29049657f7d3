-- The memory threshold, the snapshot window and the silence allowance join the policy: they were a system
-- property (memory 90 %) and constants (24 h; 30 min is new), now versioned like every enforced value.
alter table security_policy_version add column monitor_memory_percent integer default 90 not null;
alter table security_policy_version add column snapshot_window_hours integer default 24 not null;
alter table security_policy_version add column silence_minutes integer default 30 not null;
