DROP INDEX contracts_project_idx;
DROP INDEX jobs_active_worker_idx;
ALTER TABLE contracts DROP COLUMN direct_hires;
ALTER TABLE contracts DROP COLUMN center_hires;
