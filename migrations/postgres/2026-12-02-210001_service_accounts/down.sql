DROP INDEX audit_events_account_idx;
ALTER TABLE audit_events DROP COLUMN actor_account_id;
DROP INDEX api_tokens_account_idx;
DROP TABLE api_tokens;
DROP TABLE service_accounts;
