-- Journal checkpoint keys (issue 18 item 4): which Ed25519 key signs checkpoints, from which tree size. A key signs
-- the sizes from its first_size up to the next key's first_size; the rows are the published key set (/journal/keys)
-- that verifiers use to pick a checkpoint's key by its id (the signed-note key hash of its signature line) and to
-- refuse a key outside its period. Append-only like the journal: a rotation inserts a row, nothing is updated.
-- The private keys stay in files outside the database (docs/operations.md, "Key rotation").
create table journal_checkpoint_key (
    key_hash        varchar(8)   primary key,
    verifier_key    varchar(200) not null,
    first_size      bigint       not null,
    activated_at_us bigint       not null
);
create index journal_checkpoint_key_first_ix on journal_checkpoint_key (first_size, activated_at_us);
