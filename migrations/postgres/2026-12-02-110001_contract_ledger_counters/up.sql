-- Each contract keeps its recorded (ledger) totals beside its hire counters, updated by the
-- transaction that records a procurement line, so the compliance state of every contract
-- (domain::compliance) is computed from counters instead of summing the ledger per page.
ALTER TABLE contracts ADD COLUMN ledger_total BIGINT NOT NULL DEFAULT 0;
ALTER TABLE contracts ADD COLUMN ledger_domestic BIGINT NOT NULL DEFAULT 0;
UPDATE contracts SET
  ledger_total = (SELECT COALESCE(SUM(l.amount_tenge), 0) FROM procurement_lines l
                  WHERE l.contract_id = contracts.id),
  ledger_domestic = (SELECT COALESCE(SUM(l.amount_tenge), 0) FROM procurement_lines l
                     WHERE l.contract_id = contracts.id AND l.is_domestic);
-- The past-date recount reads lines by contract and day without touching the table.
CREATE INDEX procurement_lines_recount_idx
  ON procurement_lines (contract_id, created_at, is_domestic, amount_tenge);
CREATE INDEX jobs_recount_idx ON jobs (contract_id, hire_date, channel);
