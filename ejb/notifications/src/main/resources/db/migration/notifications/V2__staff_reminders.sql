-- Staff reminders and alerts (issue 16): each reminder is sent once, whatever the number of nodes and runs; its key
-- names what and which mark ("agreement:12:7" for the 7-day reminder of agreement 12, "server:3:NO_DATA:2026-12-04").
create table notification_reminder (
    reminder_key  varchar(200) primary key,
    sent_at       timestamp with time zone not null
);
