-- One row per tenant that has (or had) a contract: creating a contract locks it first, so that two concurrent
-- creations for the same tenant cannot both pass the overlap check.
create table contract_tenant_lock (
    tenant_siren char(9) primary key
);
insert into contract_tenant_lock (tenant_siren) select distinct tenant_siren from hosting_contract;
