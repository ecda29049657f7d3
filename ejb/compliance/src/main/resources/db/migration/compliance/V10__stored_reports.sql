-- The daily stored compliance report: one row per tenant, replaced at each evaluation (documents helper, V10+).
create table compliance_stored_report (
    tenant_siren     char(9)      not null primary key,
    tenant_name      varchar(200) not null,
    evaluated_at     timestamp with time zone not null,
    outcome          varchar(20)  not null,
    outcome_rank     smallint     not null,
    blocking_rules   varchar(400) not null,
    obligation_rules varchar(400) not null,
    has_obligation   boolean      not null
);
create index compliance_stored_report_outcome_ix on compliance_stored_report (outcome_rank, tenant_name);
create index compliance_stored_report_name_ix on compliance_stored_report (tenant_name);
create index compliance_stored_report_obligation_ix on compliance_stored_report (has_obligation, tenant_name);
