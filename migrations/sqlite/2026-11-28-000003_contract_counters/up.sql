-- Hires per channel, kept by the hire transaction itself: rule 2 reads them under the
-- contract's lock, and figures read them without scanning jobs.
ALTER TABLE contracts ADD COLUMN center_hires INTEGER NOT NULL DEFAULT 0;
ALTER TABLE contracts ADD COLUMN direct_hires INTEGER NOT NULL DEFAULT 0;
CREATE INDEX jobs_active_worker_idx ON jobs (worker_id) WHERE end_date IS NULL;
CREATE INDEX contracts_project_idx ON contracts (project_id);
