-- The longest sign-in session and the users' password policy join the security policy (issue 15): they were set by
-- hand in the Keycloak realm (Keycloak's 10 h, length 12 and the last 3 passwords). They are pushed to the realm,
-- with the idle timeout and the brute-force settings, when a version comes into effect, and the texts print them.
alter table security_policy_version add column session_max_hours integer default 10 not null;
alter table security_policy_version add column password_min_length integer default 12 not null;
alter table security_policy_version add column password_history integer default 3 not null;
