-- Machine evidence (issue 15). The DDoS mitigation time joins the policy (4 h in version 1): the DDoS control
-- fails when a reported attack was mitigated later than that, and the texts print the same value.
alter table security_policy_version add column ddos_mitigation_hours integer default 4 not null;

-- Who stands behind a piece of evidence: a staff member who declared it (STAFF, recorded_by is the username) or a
-- machine that reported it through the agent API (REPORTED, recorded_by is the reporter: server:<name> or
-- subprocessor:<name>). A firewall rule set is identified by its SHA-256 (digest): the one applied on the server
-- (FIREWALL_CHANGE, reported) and the one staff approved for it (FIREWALL_APPROVED). A DDoS event has the time its
-- mitigation took effect (mitigated_at), null while it is not mitigated.
alter table control_evidence add column source varchar(12) default 'STAFF' not null;
alter table control_evidence add column digest varchar(64);
alter table control_evidence add column mitigated_at timestamp with time zone;
alter table control_evidence drop constraint control_evidence_kind_ck;
alter table control_evidence add constraint control_evidence_kind_ck
    check (kind in ('SNAPSHOT', 'SOFTWARE_UPDATE', 'BACKUP', 'FIREWALL_CHANGE', 'FIREWALL_APPROVED', 'DDOS_EVENT'));
alter table control_evidence add constraint control_evidence_source_ck check (source in ('STAFF', 'REPORTED'));
create index control_evidence_source_ix on control_evidence (server_ref, kind, source, occurred_at);
