-- Shared rate limits (token buckets), one row per limited key ("<scope>:<client address>"), so that every node
-- draws on the same allowance. A row whose bucket is full again (full_at in the past) means the same as no row:
-- the purge timer deletes those, which keeps the table bounded by the clients active in the last minutes.
-- Times are epoch milliseconds. (V7 and V8 are reserved for the journal's Merkle log.)
create table rate_limit_bucket (
    bucket_key  varchar(200)      primary key,
    tokens      double precision  not null,
    updated_at  bigint            not null,
    full_at     bigint            not null
);
create index rate_limit_bucket_full_at_ix on rate_limit_bucket (full_at);
