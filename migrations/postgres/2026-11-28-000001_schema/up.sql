-- jobmap schema (PostgreSQL). Keep in step with ../../sqlite/2026-11-28-000001_schema/up.sql:
-- same tables, columns, types, keys and indexes (tests/api/schema_parity.rs checks it).
-- Money is whole tenge (BIGINT), shares are basis points, timestamps are UTC without zone,
-- ids are UUIDv7 text (time-ordered, so they index well and do not leak counts).

CREATE TABLE regions (
    code        TEXT PRIMARY KEY NOT NULL CHECK (length(code) = 2),
    iso_3166_2  TEXT NOT NULL UNIQUE,
    name_en     TEXT NOT NULL,
    name_ru     TEXT NOT NULL,
    name_kk     TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('region', 'city')),
    active_from DATE,
    active_to   DATE,
    split_from  TEXT REFERENCES regions (code),
    version     INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE parameters (
    id          TEXT PRIMARY KEY NOT NULL,
    code        TEXT NOT NULL,
    valid_from  DATE NOT NULL,
    value       BIGINT NOT NULL,
    note        TEXT NOT NULL DEFAULT '',
    version     INTEGER NOT NULL DEFAULT 1,
    UNIQUE (code, valid_from)
);

CREATE TABLE users (
    id              TEXT PRIMARY KEY NOT NULL,
    login           TEXT NOT NULL UNIQUE,
    full_name       TEXT NOT NULL DEFAULT '',
    password_hash   TEXT NOT NULL,
    role            TEXT NOT NULL CHECK (role IN ('admin', 'commission', 'akimat', 'contractor')),
    region_code     TEXT REFERENCES regions (code),
    contractor_bin  TEXT,
    language        TEXT NOT NULL DEFAULT 'ru' CHECK (language IN ('kk', 'ru', 'en')),
    active          BOOLEAN NOT NULL DEFAULT TRUE,
    failed_logins   INTEGER NOT NULL DEFAULT 0,
    locked_until    TIMESTAMP,
    password_changed_at TIMESTAMP NOT NULL,
    created_at      TIMESTAMP NOT NULL,
    updated_at      TIMESTAMP NOT NULL,
    version         INTEGER NOT NULL DEFAULT 1,
    CHECK ((role = 'akimat') = (region_code IS NOT NULL)),
    CHECK ((role = 'contractor') = (contractor_bin IS NOT NULL))
);
CREATE INDEX users_contractor_bin_idx ON users (contractor_bin);
CREATE INDEX users_region_code_idx ON users (region_code);

-- Server-side sessions, so that logout, deactivation and a password change end them at once.
-- id is a hash of the cookie value: a copy of this table does not let anyone sign in.
CREATE TABLE sessions (
    id           TEXT PRIMARY KEY NOT NULL,
    user_id      TEXT REFERENCES users (id) ON DELETE CASCADE,
    state        TEXT NOT NULL,
    created_at   TIMESTAMP NOT NULL,
    last_seen_at TIMESTAMP NOT NULL,
    expires_at   TIMESTAMP NOT NULL
);
CREATE INDEX sessions_user_id_idx ON sessions (user_id);
CREATE INDEX sessions_expires_at_idx ON sessions (expires_at);

CREATE TABLE projects (
    id                     TEXT PRIMARY KEY NOT NULL,
    code                   TEXT NOT NULL UNIQUE,
    title                  TEXT NOT NULL,
    region_code            TEXT NOT NULL REFERENCES regions (code),
    district               TEXT NOT NULL DEFAULT '',
    settlement             TEXT NOT NULL DEFAULT '',
    latitude_e6            INTEGER,
    longitude_e6           INTEGER,
    direction              TEXT NOT NULL CHECK (direction IN ('social_cultural', 'housing_communal', 'engineering_transport', 'settlement_improvement')),
    work_type              TEXT NOT NULL CHECK (work_type IN ('capital_repair', 'medium_repair', 'current_repair', 'reconstruction', 'construction')),
    funding_source         TEXT NOT NULL CHECK (funding_source IN ('republican_budget', 'local_bonds', 'targeted_transfers', 'local_budget')),
    budget_tenge           BIGINT NOT NULL CHECK (budget_tenge >= 0),
    planned_jobs           INTEGER NOT NULL CHECK (planned_jobs >= 0),
    planned_center_hires   INTEGER NOT NULL CHECK (planned_center_hires >= 0),
    planned_permanent_jobs INTEGER NOT NULL DEFAULT 0 CHECK (planned_permanent_jobs >= 0),
    planned_start          DATE NOT NULL,
    planned_end            DATE NOT NULL,
    status                 TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'approved', 'rejected', 'tendering', 'contracted', 'in_progress', 'completed', 'suspended', 'cancelled')),
    decision_number        TEXT,
    decision_date          DATE,
    approved_limit_tenge   BIGINT,
    created_by             TEXT NOT NULL REFERENCES users (id),
    created_at             TIMESTAMP NOT NULL,
    updated_at             TIMESTAMP NOT NULL,
    version                INTEGER NOT NULL DEFAULT 1,
    CHECK (2 * planned_center_hires >= planned_jobs),
    CHECK (planned_end >= planned_start),
    CHECK ((latitude_e6 IS NULL) = (longitude_e6 IS NULL))
);
CREATE INDEX projects_region_status_idx ON projects (region_code, status);
CREATE INDEX projects_status_idx ON projects (status);
CREATE INDEX projects_direction_idx ON projects (direction);
CREATE INDEX projects_funding_source_idx ON projects (funding_source);
CREATE INDEX projects_created_at_idx ON projects (created_at);

CREATE TABLE project_status_changes (
    id          TEXT PRIMARY KEY NOT NULL,
    project_id  TEXT NOT NULL REFERENCES projects (id),
    from_status TEXT,
    to_status   TEXT NOT NULL,
    changed_by  TEXT NOT NULL REFERENCES users (id),
    changed_at  TIMESTAMP NOT NULL,
    comment     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX project_status_changes_project_idx ON project_status_changes (project_id, changed_at);

CREATE TABLE contracts (
    id                     TEXT PRIMARY KEY NOT NULL,
    project_id             TEXT NOT NULL REFERENCES projects (id),
    contractor_bin         TEXT NOT NULL CHECK (length(contractor_bin) = 12),
    contractor_name        TEXT NOT NULL,
    number                 TEXT NOT NULL,
    signed_on              DATE NOT NULL,
    amount_tenge           BIGINT NOT NULL CHECK (amount_tenge > 0),
    goods_tenge            BIGINT NOT NULL DEFAULT 0 CHECK (goods_tenge >= 0),
    goods_domestic_tenge   BIGINT NOT NULL DEFAULT 0 CHECK (goods_domestic_tenge BETWEEN 0 AND goods_tenge),
    works_tenge            BIGINT NOT NULL DEFAULT 0 CHECK (works_tenge >= 0),
    works_domestic_tenge   BIGINT NOT NULL DEFAULT 0 CHECK (works_domestic_tenge BETWEEN 0 AND works_tenge),
    services_tenge         BIGINT NOT NULL DEFAULT 0 CHECK (services_tenge >= 0),
    services_domestic_tenge BIGINT NOT NULL DEFAULT 0 CHECK (services_domestic_tenge BETWEEN 0 AND services_tenge),
    created_by             TEXT NOT NULL REFERENCES users (id),
    created_at             TIMESTAMP NOT NULL,
    updated_at             TIMESTAMP NOT NULL,
    version                INTEGER NOT NULL DEFAULT 1,
    UNIQUE (project_id, number)
);
CREATE INDEX contracts_contractor_bin_idx ON contracts (contractor_bin);

CREATE TABLE procurement_lines (
    id                TEXT PRIMARY KEY NOT NULL,
    contract_id       TEXT NOT NULL REFERENCES contracts (id),
    category          TEXT NOT NULL CHECK (category IN ('goods', 'works', 'services')),
    description       TEXT NOT NULL,
    amount_tenge      BIGINT NOT NULL CHECK (amount_tenge > 0),
    is_domestic       BOOLEAN NOT NULL,
    producer_bin      TEXT,
    ct_kz_certificate TEXT,
    created_by        TEXT NOT NULL REFERENCES users (id),
    created_at        TIMESTAMP NOT NULL,
    updated_at        TIMESTAMP NOT NULL,
    version           INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX procurement_lines_contract_idx ON procurement_lines (contract_id);

-- birth_date and sex are derived from the IIN at entry and stored so that figures aggregate in SQL.
CREATE TABLE workers (
    id              TEXT PRIMARY KEY NOT NULL,
    iin             TEXT NOT NULL UNIQUE CHECK (length(iin) = 12),
    full_name       TEXT NOT NULL,
    birth_date      DATE NOT NULL,
    sex             TEXT NOT NULL CHECK (sex IN ('m', 'f')),
    home_settlement TEXT NOT NULL DEFAULT '',
    created_at      TIMESTAMP NOT NULL,
    updated_at      TIMESTAMP NOT NULL,
    version         INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE jobs (
    id                  TEXT PRIMARY KEY NOT NULL,
    contract_id         TEXT NOT NULL REFERENCES contracts (id),
    worker_id           TEXT NOT NULL REFERENCES workers (id),
    position            TEXT NOT NULL,
    hire_date           DATE NOT NULL,
    end_date            DATE,
    kind                TEXT NOT NULL CHECK (kind IN ('temporary', 'permanent')),
    channel             TEXT NOT NULL CHECK (channel IN ('employment_center', 'direct')),
    referral_number     TEXT,
    referral_date       DATE,
    arrived_from_other_settlement BOOLEAN NOT NULL DEFAULT FALSE,
    monthly_wage_tenge  BIGINT NOT NULL CHECK (monthly_wage_tenge >= 0),
    is_youth            BOOLEAN NOT NULL,
    created_by          TEXT NOT NULL REFERENCES users (id),
    created_at          TIMESTAMP NOT NULL,
    updated_at          TIMESTAMP NOT NULL,
    version             INTEGER NOT NULL DEFAULT 1,
    CHECK (end_date IS NULL OR end_date >= hire_date),
    CHECK ((channel = 'employment_center') = (referral_number IS NOT NULL AND referral_date IS NOT NULL))
);
CREATE INDEX jobs_contract_idx ON jobs (contract_id, hire_date);
CREATE INDEX jobs_worker_idx ON jobs (worker_id, hire_date);
CREATE INDEX jobs_hire_date_idx ON jobs (hire_date);

CREATE TABLE lifting_payments (
    id           TEXT PRIMARY KEY NOT NULL,
    job_id       TEXT NOT NULL UNIQUE REFERENCES jobs (id),
    amount_tenge BIGINT NOT NULL CHECK (amount_tenge > 0),
    paid_on      DATE NOT NULL,
    recorded_by  TEXT NOT NULL REFERENCES users (id),
    created_at   TIMESTAMP NOT NULL,
    version      INTEGER NOT NULL DEFAULT 1
);

-- month is the first day of the month.
CREATE TABLE monthly_plans (
    id                   TEXT PRIMARY KEY NOT NULL,
    region_code          TEXT NOT NULL REFERENCES regions (code),
    month                DATE NOT NULL,
    planned_jobs         INTEGER NOT NULL CHECK (planned_jobs >= 0),
    planned_center_hires INTEGER NOT NULL CHECK (planned_center_hires >= 0),
    updated_by           TEXT NOT NULL REFERENCES users (id),
    updated_at           TIMESTAMP NOT NULL,
    version              INTEGER NOT NULL DEFAULT 1,
    UNIQUE (region_code, month)
);

-- Regions ranked by % of plan (ties by jobs created), one row per region per month,
-- so that "rank in June vs July" can be shown.
CREATE TABLE region_rank_history (
    month          DATE NOT NULL,
    region_code    TEXT NOT NULL REFERENCES regions (code),
    rank           INTEGER NOT NULL,
    planned_jobs   INTEGER NOT NULL,
    jobs_created   INTEGER NOT NULL,
    plan_share_bp  INTEGER NOT NULL,
    computed_at    TIMESTAMP NOT NULL,
    PRIMARY KEY (month, region_code)
);
CREATE INDEX region_rank_history_region_idx ON region_rank_history (region_code, month);

-- Append-only: rows are inserted, never updated or deleted.
CREATE TABLE audit_events (
    id            TEXT PRIMARY KEY NOT NULL,
    occurred_at   TIMESTAMP NOT NULL,
    actor_user_id TEXT REFERENCES users (id),
    actor_login   TEXT NOT NULL,
    action        TEXT NOT NULL,
    entity        TEXT NOT NULL,
    entity_id     TEXT NOT NULL,
    before_json   TEXT,
    after_json    TEXT,
    ip            TEXT
);
CREATE INDEX audit_events_entity_idx ON audit_events (entity, entity_id, occurred_at);
CREATE INDEX audit_events_occurred_at_idx ON audit_events (occurred_at);
CREATE INDEX audit_events_actor_idx ON audit_events (actor_user_id, occurred_at);
