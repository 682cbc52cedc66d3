-- Service accounts: other systems using /api/v1, each with a role and scope like a user's
-- (an akimat account has a region, a contractor account a BIN). They never sign in to pages.
CREATE TABLE service_accounts (
    id              TEXT PRIMARY KEY NOT NULL,
    name            TEXT NOT NULL UNIQUE,
    description     TEXT NOT NULL DEFAULT '',
    role            TEXT NOT NULL CHECK (role IN ('admin', 'commission', 'akimat', 'contractor')),
    region_code     TEXT REFERENCES regions (code),
    contractor_bin  TEXT,
    created_at      TIMESTAMP NOT NULL,
    CHECK ((role = 'akimat') = (region_code IS NOT NULL)),
    CHECK ((role = 'contractor') = (contractor_bin IS NOT NULL))
);

-- Bearer tokens of service accounts. Only a SHA-256 of the token is kept (the token is 256
-- random bits, so a fast hash is enough); `prefix` is its first characters, to tell tokens
-- apart in lists. A token works until it expires or is revoked.
CREATE TABLE api_tokens (
    id           TEXT PRIMARY KEY NOT NULL,
    account_id   TEXT NOT NULL REFERENCES service_accounts (id),
    token_hash   TEXT NOT NULL UNIQUE,
    prefix       TEXT NOT NULL,
    label        TEXT NOT NULL DEFAULT '',
    created_at   TIMESTAMP NOT NULL,
    expires_at   TIMESTAMP NOT NULL,
    last_used_at TIMESTAMP,
    revoked_at   TIMESTAMP
);
CREATE INDEX api_tokens_account_idx ON api_tokens (account_id, created_at);

-- Writes through the API are audited under the service account that made them.
ALTER TABLE audit_events ADD COLUMN actor_account_id TEXT REFERENCES service_accounts (id);
CREATE INDEX audit_events_account_idx ON audit_events (actor_account_id, occurred_at);
