DROP INDEX idempotency_keys_created_at_idx;
DROP TABLE idempotency_keys;
