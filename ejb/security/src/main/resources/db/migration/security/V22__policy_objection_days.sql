-- The sub-processor objection period (GDPR art. 28(2), issue 16) joins the security policy: it was the server setting
-- gestan.subprocessors.objection-days (default 30). The notices, the portal and the processor agreement print the
-- value of the version in effect, the same one the objection workflow enforces.
alter table security_policy_version add column objection_days integer default 30 not null;
