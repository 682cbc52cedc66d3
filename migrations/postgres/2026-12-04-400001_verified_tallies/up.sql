-- The verified figures' running tallies (issue 15): what the stored checks add up to per
-- contract and per region, written by the transaction that changes a check (or recomputed
-- for the contracts a register load re-checked), so that the dashboard and the region pages
-- read a row per region instead of aggregating every hire's check on each reload.
-- ledger_total and ledger_domestic are the checked procurement lines' value and declared
-- domestic value: the declared side of a region's verified domestic share.
CREATE TABLE contract_verified_tallies (
    contract_id     TEXT PRIMARY KEY NOT NULL REFERENCES contracts (id) ON DELETE CASCADE,
    region_code     TEXT NOT NULL,
    center_matched  BIGINT NOT NULL DEFAULT 0,
    center_failed   BIGINT NOT NULL DEFAULT 0,
    proven_domestic BIGINT NOT NULL DEFAULT 0,
    failed_domestic BIGINT NOT NULL DEFAULT 0,
    ledger_total    BIGINT NOT NULL DEFAULT 0,
    ledger_domestic BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX contract_verified_tallies_region_idx ON contract_verified_tallies (region_code);

CREATE TABLE region_verified_tallies (
    region_code     TEXT PRIMARY KEY NOT NULL,
    center_matched  BIGINT NOT NULL DEFAULT 0,
    center_failed   BIGINT NOT NULL DEFAULT 0,
    proven_domestic BIGINT NOT NULL DEFAULT 0,
    failed_domestic BIGINT NOT NULL DEFAULT 0,
    ledger_total    BIGINT NOT NULL DEFAULT 0,
    ledger_domestic BIGINT NOT NULL DEFAULT 0
);

-- The checks already stored, added up once.
INSERT INTO contract_verified_tallies (contract_id, region_code, center_matched, center_failed,
    proven_domestic, failed_domestic, ledger_total, ledger_domestic)
SELECT c.id, p.region_code,
    COALESCE((SELECT SUM(CASE WHEN v.referral = 'matched' THEN 1 ELSE 0 END)
              FROM hire_verifications v WHERE v.contract_id = c.id), 0),
    COALESCE((SELECT SUM(CASE WHEN v.referral IN ('mismatched', 'missing') THEN 1 ELSE 0 END)
              FROM hire_verifications v WHERE v.contract_id = c.id), 0),
    COALESCE((SELECT SUM(v.verified_domestic_tenge) FROM line_verifications v
              WHERE v.contract_id = c.id), 0),
    COALESCE((SELECT SUM(v.failed_tenge) FROM line_verifications v
              WHERE v.contract_id = c.id), 0),
    COALESCE((SELECT SUM(l.amount_tenge) FROM line_verifications v
              JOIN procurement_lines l ON l.id = v.line_id WHERE v.contract_id = c.id), 0),
    COALESCE((SELECT SUM(CASE WHEN l.is_domestic THEN l.amount_tenge ELSE 0 END)
              FROM line_verifications v JOIN procurement_lines l ON l.id = v.line_id
              WHERE v.contract_id = c.id), 0)
FROM contracts c JOIN projects p ON p.id = c.project_id;

INSERT INTO region_verified_tallies (region_code, center_matched, center_failed,
    proven_domestic, failed_domestic, ledger_total, ledger_domestic)
SELECT region_code, SUM(center_matched), SUM(center_failed), SUM(proven_domestic),
    SUM(failed_domestic), SUM(ledger_total), SUM(ledger_domestic)
FROM contract_verified_tallies GROUP BY region_code;
