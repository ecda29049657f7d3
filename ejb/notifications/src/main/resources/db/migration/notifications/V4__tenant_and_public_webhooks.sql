-- Webhooks of a client company for its own events (issue 16): a subscription of scope TENANT, scope_ref and
-- tenant_siren the company's SIREN. Public webhook subscriptions to /status use the existing columns (pending until
-- confirmed, like an e-mail).
alter table notification_subscription add column tenant_siren varchar(9);
create index notification_subscription_tenant_ix on notification_subscription (tenant_siren, state);
