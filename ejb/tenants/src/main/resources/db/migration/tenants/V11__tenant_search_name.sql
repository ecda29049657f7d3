-- The staff search's name, lowered by the database itself (issue 19, docs/performance.md "tenant search (staff19)"):
-- the search compared lower(legal_name) with the typed text, lowering each of the 10,000 names at every search and
-- again at its count (about three quarters of the count's time in PostgreSQL). A generated column holds the same
-- value, computed by the same lower() of the same database at each insert and update, so the rows found do not
-- change. ${generated_stored} is " stored" on PostgreSQL (its generated columns must be stored) and empty on H2 (which
-- has no such keyword and computes the column on write as well); see SchemaMigrations.
alter table tenant add column legal_name_lower varchar(200) generated always as (lower(legal_name))${generated_stored};
