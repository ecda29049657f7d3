-- A client may take its staff-access notices as a daily digest instead of one message per access (issue 16): its
-- choice, and the deliveries held for the next digest (state HELD, then DIGESTED once the digest is written).
alter table notification_client_preference add column staff_access_digest boolean default false not null;
