DROP INDEX projects_updated_at_idx;
ALTER TABLE projects DROP COLUMN search_text;
