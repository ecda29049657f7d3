-- the same script under the module's former and new name
create table renamed_thing (id integer primary key);
