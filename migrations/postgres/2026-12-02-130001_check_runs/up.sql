-- Each run of `jobmap check` (or `jobmap repair`): when, how long, what it found. The admin
-- area shows the last one, so an operator sees whether the stored figures were last proven.
CREATE TABLE check_runs (
  id TEXT PRIMARY KEY NOT NULL,
  checked_at TIMESTAMP NOT NULL,
  kind TEXT NOT NULL,
  differences INTEGER NOT NULL,
  duration_ms BIGINT NOT NULL,
  summary TEXT NOT NULL
);
CREATE INDEX check_runs_checked_at_idx ON check_runs (checked_at);
