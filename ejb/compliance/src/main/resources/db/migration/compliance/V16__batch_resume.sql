-- Issue 20: a batch whose node dies is resumed by another node from where its committed pages stopped. Each page's
-- commit records the keyset position after it (the last SIREN looked at; '' before the first page) with the tally; the
-- node working on the run is named, and a node that takes a silent run over counts it.
alter table certificate_batch_run add column next_after varchar(20);
alter table certificate_batch_run add column node_name varchar(200);
alter table certificate_batch_run add column resumes integer not null default 0;
