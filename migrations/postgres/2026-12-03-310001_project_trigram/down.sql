CREATE INDEX projects_search_text_idx ON projects (search_text);
DROP INDEX projects_search_trgm_idx;
