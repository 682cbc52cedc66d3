-- Lower-cased code and title, computed in the application (Unicode-aware, unlike SQLite's
-- lower()), so that a search for "школа" finds "Школа №5" on both backends.
ALTER TABLE projects ADD COLUMN search_text TEXT NOT NULL DEFAULT '';
CREATE INDEX projects_updated_at_idx ON projects (updated_at);
