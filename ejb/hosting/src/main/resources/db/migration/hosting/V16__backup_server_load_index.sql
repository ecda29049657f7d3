-- A server's load counts its contracts as backup too: the inventory's page counts them for its 25 servers only, by
-- this index (it grouped every contract of the offer twice at each view, docs/performance.md, the inventory's loads).
create index hosting_contract_backup_ix on hosting_contract (backup_server_id, status);
