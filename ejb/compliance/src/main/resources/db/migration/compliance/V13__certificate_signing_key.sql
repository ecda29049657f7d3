-- Key rotation (issue 18 item 4): the id of the key that signed each certificate (null: issued before key ids were
-- recorded, signed by the initial key). The PDF carries the signing certificate itself; this column counts the uses
-- of each key for the back office.
alter table certificate_record add column signing_key_id varchar(64);
