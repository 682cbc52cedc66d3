-- Project search through a trigram index (pg_trgm, GIN): a search for "школ" reads the
-- projects whose folded code and title hold it instead of every project. The index is on
-- projects.search_text itself, so it follows every write of that column.
DO $$
BEGIN
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
EXCEPTION WHEN OTHERS THEN
    RAISE EXCEPTION 'jobmap needs the PostgreSQL extension pg_trgm for project search and could not create it: %. Install PostgreSQL''s contrib extensions (Debian: the postgresql-contrib package) and have a database owner or superuser run CREATE EXTENSION pg_trgm; in this database, then start jobmap again.', SQLERRM;
END
$$;

CREATE INDEX projects_search_trgm_idx ON projects USING gin (search_text gin_trgm_ops);

-- The plain index on search_text only let a substring LIKE read the whole index instead of the
-- whole table; the trigram index replaces it.
DROP INDEX projects_search_text_idx;
