CREATE INDEX projects_search_text_idx ON projects (search_text);
DROP TRIGGER projects_search_delete;
DROP TRIGGER projects_search_update;
DROP TRIGGER projects_search_insert;
DROP TABLE projects_search;
DROP TABLE projects_search_rows;
