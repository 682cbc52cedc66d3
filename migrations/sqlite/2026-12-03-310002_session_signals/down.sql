DROP TRIGGER session_account_deleted;
DROP TRIGGER session_account_changed;
DROP TRIGGER session_changed;
DROP TRIGGER session_ended;
DROP TABLE session_signals;
