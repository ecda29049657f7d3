-- Signed certificates: who issued them, the tenant's name as printed, reissue and revocation, the PDF's exact bytes.
alter table certificate_record add column tenant_name varchar(200);
alter table certificate_record add column issued_by varchar(100);
alter table certificate_record add column revoked_by varchar(100);
alter table certificate_record add column superseded_by varchar(32);
alter table certificate_record add column supersedes varchar(32);
create index certificate_record_sha256_ix on certificate_record (sha256);
create index certificate_record_issued_ix on certificate_record (issued_at);

-- The exact signed bytes, apart from the registry rows so that listing never reads them.
create table certificate_document (
    number      varchar(32) not null primary key,
    pdf         bytea       not null,
    size_bytes  integer     not null
);

-- Certificate numbers: GC-<year>-<sequence>, never reused (numbers already taken are skipped).
create sequence certificate_number_seq start with 1;
