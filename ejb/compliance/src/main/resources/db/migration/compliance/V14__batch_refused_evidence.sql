-- Issue 21 item 2: a certificate states only what we can prove; a batch counts apart the tenants refused because one
-- of our own obligations lacks fresh evidence (not a rule blocking them).
alter table certificate_batch_run add column refused_evidence integer not null default 0;
