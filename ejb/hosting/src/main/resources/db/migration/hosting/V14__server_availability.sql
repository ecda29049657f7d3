-- Each server's availability this month and over 12 months (issue 15), computed once per server and kept: the
-- client's dashboard, staff's contract detail and every certificate read these figures (one computation, one source).
-- Refreshed by a timer on one node of the cluster, on read when missing or invalid (another silence allowance, a new
-- month, marked stale by an incident change). Seconds; percent null when nothing of the period was monitored.
create table server_availability (
    server_id                   bigint           not null primary key references hosting_server (id),
    computed_at                 timestamp        not null,
    silence_minutes             integer          not null,
    stale                       boolean          not null,
    month_from                  timestamp        not null,
    month_seconds               bigint           not null,
    month_unmonitored_seconds   bigint           not null,
    month_down_seconds          bigint           not null,
    month_not_in_service_seconds bigint          not null,
    month_percent               double precision,
    year_from                   timestamp        not null,
    year_seconds                bigint           not null,
    year_unmonitored_seconds    bigint           not null,
    year_down_seconds           bigint           not null,
    year_not_in_service_seconds bigint           not null,
    year_percent                double precision,
    version                     bigint           not null default 0
);
