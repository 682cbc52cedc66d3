DROP TRIGGER session_account_deleted ON users;
DROP TRIGGER session_account_changed ON users;
DROP TRIGGER session_changed ON sessions;
DROP TRIGGER session_ended ON sessions;
DROP FUNCTION session_signal();
DROP TABLE session_signals;
