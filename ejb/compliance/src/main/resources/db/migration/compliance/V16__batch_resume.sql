-- Issue 20: a batch whose node dies is resumed by another node from where its committed pages stopped. Each page's
-- commit records the keyset position after it (the last SIREN looked at; '' before the first page) with the tally; the
-- node working on the run is named, with the token of the very loop working on it (a new one at each takeover, so that
-- a loop taken for dead, if it was only slow, finds it is no longer the run's and stops), and a takeover is counted.
alter table certificate_batch_run add column next_after varchar(20);
alter table certificate_batch_run add column node_name varchar(200);
alter table certificate_batch_run add column worker varchar(64);
alter table certificate_batch_run add column resumes integer not null default 0;
