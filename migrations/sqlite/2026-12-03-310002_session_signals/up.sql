-- Every change that ends or alters a session or its account leaves a numbered signal here, in
-- the same transaction, so that each instance can keep sessions in memory and still drop one
-- the moment it is ended anywhere (logout, deactivation, password change, an expired session
-- removed, or an operator's own SQL). Instances read the signals after the last one they saw.
-- AUTOINCREMENT: numbers are never reused, even after old signals are removed.
CREATE TABLE session_signals (
    generation   INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    session_id   TEXT,
    user_id      TEXT,
    signalled_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX session_signals_signalled_at_idx ON session_signals (signalled_at);

CREATE TRIGGER session_ended AFTER DELETE ON sessions
BEGIN
    INSERT INTO session_signals (session_id) VALUES (OLD.id);
END;

-- Not for the activity mark (last_seen_at, expires_at pushed later), written once a minute.
CREATE TRIGGER session_changed AFTER UPDATE ON sessions
WHEN NEW.state IS NOT OLD.state OR NEW.user_id IS NOT OLD.user_id
    OR NEW.created_at IS NOT OLD.created_at OR NEW.expires_at < OLD.expires_at
BEGIN
    INSERT INTO session_signals (session_id) VALUES (NEW.id);
END;

CREATE TRIGGER session_account_changed AFTER UPDATE ON users
WHEN NEW.active IS NOT OLD.active OR NEW.password_hash IS NOT OLD.password_hash
    OR NEW.role IS NOT OLD.role OR NEW.region_code IS NOT OLD.region_code
    OR NEW.contractor_bin IS NOT OLD.contractor_bin OR NEW.language IS NOT OLD.language
    OR NEW.login IS NOT OLD.login OR NEW.full_name IS NOT OLD.full_name
BEGIN
    INSERT INTO session_signals (user_id) VALUES (NEW.id);
END;

CREATE TRIGGER session_account_deleted AFTER DELETE ON users
BEGIN
    INSERT INTO session_signals (user_id) VALUES (OLD.id);
END;
