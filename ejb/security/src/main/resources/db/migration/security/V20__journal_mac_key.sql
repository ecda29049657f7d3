-- The id of the key that made each journal entry's MAC (issue 18 item 4: the MAC key rotates). Written once, at
-- insert, like every column of journal_entry (never updated: the append-only triggers refuse it). Null: the entry
-- was written before MAC keys had ids, with the initial key (the single-file setting gestan.journal.mac-key).
alter table journal_entry add column mac_key varchar(64);
