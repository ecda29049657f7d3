-- Where the import of Keycloak's sign-in events into the journal stopped (event time, epoch milliseconds).
-- One row, locked by the importing transaction, so several nodes never import the same events twice.
create table keycloak_event_cursor (
    id          integer primary key,
    last_time   bigint  not null,
    constraint keycloak_event_cursor_single_ck check (id = 1)
);
insert into keycloak_event_cursor (id, last_time) values (1, 0);
