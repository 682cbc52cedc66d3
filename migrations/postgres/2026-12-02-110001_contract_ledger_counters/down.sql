DROP INDEX jobs_recount_idx;
DROP INDEX procurement_lines_recount_idx;
ALTER TABLE contracts DROP COLUMN ledger_domestic;
ALTER TABLE contracts DROP COLUMN ledger_total;
