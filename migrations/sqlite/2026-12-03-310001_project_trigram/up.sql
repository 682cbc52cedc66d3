-- Project search through a trigram index (FTS5, trigram tokenizer): a search for "школ" reads
-- the projects whose folded code and title hold it instead of every project.
--
-- projects_search_rows gives each project a stable integer (FTS5 rows are numbered; a
-- project's own rowid can change on VACUUM), and projects_search holds its searched text.
-- Triggers keep both in step with projects.search_text, whoever writes it.
CREATE TABLE projects_search_rows (
    id         INTEGER PRIMARY KEY,
    project_id TEXT NOT NULL UNIQUE
);
CREATE VIRTUAL TABLE projects_search USING fts5 (search_text, tokenize = 'trigram');

INSERT INTO projects_search_rows (project_id) SELECT id FROM projects ORDER BY id;
INSERT INTO projects_search (rowid, search_text)
    SELECT r.id, p.search_text FROM projects_search_rows r JOIN projects p ON p.id = r.project_id;

CREATE TRIGGER projects_search_insert AFTER INSERT ON projects
BEGIN
    INSERT INTO projects_search_rows (project_id) VALUES (NEW.id);
    INSERT INTO projects_search (rowid, search_text)
        VALUES ((SELECT id FROM projects_search_rows WHERE project_id = NEW.id), NEW.search_text);
END;

CREATE TRIGGER projects_search_update AFTER UPDATE OF search_text ON projects
WHEN NEW.search_text IS NOT OLD.search_text
BEGIN
    UPDATE projects_search SET search_text = NEW.search_text
        WHERE rowid = (SELECT id FROM projects_search_rows WHERE project_id = NEW.id);
END;

CREATE TRIGGER projects_search_delete AFTER DELETE ON projects
BEGIN
    DELETE FROM projects_search
        WHERE rowid = (SELECT id FROM projects_search_rows WHERE project_id = OLD.id);
    DELETE FROM projects_search_rows WHERE project_id = OLD.id;
END;

-- The plain index on search_text only let a substring LIKE read the whole index instead of the
-- whole table; the trigram index replaces it.
DROP INDEX projects_search_text_idx;
