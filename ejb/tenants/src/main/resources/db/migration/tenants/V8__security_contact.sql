-- The tenant's security contact: receives the notices of staff access to the tenant's data (docs/notifications.md).
-- Optional: while it is empty, the administrative contact receives them.
alter table tenant add column security_contact_name varchar(200);
alter table tenant add column security_contact_email varchar(254);
alter table tenant add column security_contact_phone varchar(32);
