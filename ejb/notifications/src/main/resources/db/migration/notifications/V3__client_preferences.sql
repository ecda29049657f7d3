-- A client is told of the incidents and maintenance of its own servers by default (issue 16); a row here records
-- its choice in the portal (no row: told).
create table notification_client_preference (
    tenant_siren    varchar(9)   primary key,
    status_notices  boolean      not null,
    changed_at      timestamp with time zone not null,
    changed_by      varchar(100) not null
);
