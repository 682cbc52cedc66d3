-- The first answer to each API write sent with an `Idempotency-Key`, so that a retry of the
-- same request gets that answer again instead of writing twice. A key belongs to the account
-- that sent it; the request it answered is fingerprinted by method, path (with the query) and
-- the SHA-256 of the body, so the same key with another request is refused. The row is written
-- in the same transaction as the write it answers: both are kept or neither. Keys are kept at
-- least 24 hours, then pruned (created_at is indexed for that).
CREATE TABLE idempotency_keys (
  account_id TEXT NOT NULL,
  idem_key TEXT NOT NULL,
  method TEXT NOT NULL,
  path TEXT NOT NULL,
  body_sha256 TEXT NOT NULL,
  status INTEGER NOT NULL,
  content_type TEXT NOT NULL,
  headers_json TEXT NOT NULL,
  body TEXT NOT NULL,
  created_at TIMESTAMP NOT NULL,
  PRIMARY KEY (account_id, idem_key)
);
CREATE INDEX idempotency_keys_created_at_idx ON idempotency_keys (created_at);
