-- The part of an export that failed (a file of the tenants module, or a module's folder), shown to the requester.
alter table tenant_export add column failure varchar(100);
