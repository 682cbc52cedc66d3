-- Verification (issue 15): the registers other systems keep, loaded as dated batches, and what
-- matching each hire and procurement line against them found.
--
-- A batch lists every record of one register that is in force during its period (whole
-- months), for one region (referrals) or the whole country (region_code ''). A newer batch for
-- the same kind, region and period supersedes the live one: the old rows stay for the record,
-- only live batches (superseded_by IS NULL) are matched against.
CREATE TABLE register_batches (
  id TEXT PRIMARY KEY NOT NULL,
  kind TEXT NOT NULL,
  region_code TEXT NOT NULL,
  period_from DATE NOT NULL,
  period_to DATE NOT NULL,
  source TEXT NOT NULL,
  row_count BIGINT NOT NULL,
  loaded_by TEXT NOT NULL,
  loaded_by_user_id TEXT,
  loaded_by_account_id TEXT,
  loaded_at TIMESTAMP NOT NULL,
  superseded_by TEXT
);
CREATE UNIQUE INDEX register_batches_live_idx ON register_batches (kind, region_code, period_from, period_to)
  WHERE superseded_by IS NULL;
CREATE INDEX register_batches_loaded_idx ON register_batches (loaded_at);

CREATE TABLE register_referrals (
  batch_id TEXT NOT NULL REFERENCES register_batches (id),
  line BIGINT NOT NULL,
  number TEXT NOT NULL,
  issued_on DATE NOT NULL,
  iin TEXT NOT NULL,
  region_code TEXT NOT NULL,
  district TEXT NOT NULL,
  valid_until DATE NOT NULL,
  employer_bin TEXT,
  PRIMARY KEY (batch_id, line)
);
CREATE INDEX register_referrals_number_idx ON register_referrals (number, batch_id);

CREATE TABLE register_employment_contracts (
  batch_id TEXT NOT NULL REFERENCES register_batches (id),
  line BIGINT NOT NULL,
  employer_bin TEXT NOT NULL,
  iin TEXT NOT NULL,
  contract_number TEXT NOT NULL,
  start_date DATE NOT NULL,
  end_date DATE,
  position TEXT NOT NULL,
  PRIMARY KEY (batch_id, line)
);
CREATE INDEX register_employment_contracts_person_idx
  ON register_employment_contracts (iin, employer_bin, batch_id);

CREATE TABLE register_contributions (
  batch_id TEXT NOT NULL REFERENCES register_batches (id),
  line BIGINT NOT NULL,
  month DATE NOT NULL,
  employer_bin TEXT NOT NULL,
  iin TEXT NOT NULL,
  amount_tenge BIGINT NOT NULL,
  PRIMARY KEY (batch_id, line)
);
CREATE INDEX register_contributions_person_idx
  ON register_contributions (iin, employer_bin, month, batch_id);

CREATE TABLE register_certificates (
  batch_id TEXT NOT NULL REFERENCES register_batches (id),
  line BIGINT NOT NULL,
  number TEXT NOT NULL,
  producer_bin TEXT NOT NULL,
  product TEXT NOT NULL,
  issued_on DATE NOT NULL,
  expires_on DATE NOT NULL,
  PRIMARY KEY (batch_id, line)
);
CREATE INDEX register_certificates_number_idx ON register_certificates (number, batch_id);

-- What matching found for each hire, kept current when a batch loads (for the hires it
-- concerns) and when a hire is recorded. States: not_required, not_checked, matched,
-- mismatched, missing; the reason says which mismatch.
CREATE TABLE hire_verifications (
  job_id TEXT PRIMARY KEY NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
  contract_id TEXT NOT NULL REFERENCES contracts (id) ON DELETE CASCADE,
  region_code TEXT NOT NULL,
  referral TEXT NOT NULL,
  referral_reason TEXT NOT NULL,
  employment TEXT NOT NULL,
  contributions TEXT NOT NULL,
  missing_months TEXT NOT NULL,
  checked_at TIMESTAMP NOT NULL
);
CREATE INDEX hire_verifications_contract_idx ON hire_verifications (contract_id, referral);
CREATE INDEX hire_verifications_referral_idx ON hire_verifications (referral, region_code, job_id);
CREATE INDEX hire_verifications_employment_idx ON hire_verifications (employment, region_code, job_id);
CREATE INDEX hire_verifications_contributions_idx ON hire_verifications (contributions, region_code, job_id);

-- The same for each procurement line's CT-KZ certificate, with what it adds to the verified
-- figures: the domestic value proven (or needing no certificate) and the value found wanting.
CREATE TABLE line_verifications (
  line_id TEXT PRIMARY KEY NOT NULL REFERENCES procurement_lines (id) ON DELETE CASCADE,
  contract_id TEXT NOT NULL REFERENCES contracts (id) ON DELETE CASCADE,
  region_code TEXT NOT NULL,
  certificate TEXT NOT NULL,
  reason TEXT NOT NULL,
  failed_tenge BIGINT NOT NULL,
  verified_domestic_tenge BIGINT NOT NULL,
  checked_at TIMESTAMP NOT NULL
);
CREATE INDEX line_verifications_contract_idx ON line_verifications (contract_id);
CREATE INDEX line_verifications_certificate_idx ON line_verifications (certificate, region_code, line_id);
-- Lines already on record: only domestic goods need a certificate, and none is checked yet.
INSERT INTO line_verifications (line_id, contract_id, region_code, certificate, reason,
    verified_domestic_tenge, failed_tenge, checked_at)
SELECT l.id, l.contract_id, p.region_code,
    CASE WHEN l.is_domestic AND l.category = 'goods' THEN 'not_checked' ELSE 'not_required' END, '',
    CASE WHEN l.is_domestic AND l.category <> 'goods' THEN l.amount_tenge ELSE 0 END, 0, CURRENT_TIMESTAMP
FROM procurement_lines l JOIN contracts c ON c.id = l.contract_id JOIN projects p ON p.id = c.project_id;

-- A referral number is looked up by number when a batch or a hire arrives.
CREATE INDEX jobs_referral_number_idx ON jobs (referral_number);

-- Per region: whether a new employment-center hire must have a matched referral.
CREATE TABLE region_verification_settings (
  region_code TEXT PRIMARY KEY NOT NULL REFERENCES regions (code),
  referral_mandatory BOOLEAN NOT NULL,
  updated_by TEXT NOT NULL,
  updated_at TIMESTAMP NOT NULL
);
