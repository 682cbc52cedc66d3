-- Every change that ends or alters a session or its account leaves a numbered signal here, in
-- the same transaction, so that each instance can keep sessions in memory and still drop one
-- the moment it is ended anywhere (logout, deactivation, password change, an expired session
-- removed, or an operator's own SQL). Instances read the signals after the last one they saw.
--
-- Numbers must become visible in order (a reader that has seen 7 never later finds a 6), so
-- the signal is written when the transaction commits (deferred triggers, after all its own row
-- locks are taken: no deadlock) under a table lock held to the end of the commit.
CREATE TABLE session_signals (
    generation   SERIAL PRIMARY KEY,
    session_id   TEXT,
    user_id      TEXT,
    signalled_at TIMESTAMP NOT NULL DEFAULT (now() AT TIME ZONE 'UTC')
);
CREATE INDEX session_signals_signalled_at_idx ON session_signals (signalled_at);

CREATE FUNCTION session_signal() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    LOCK TABLE session_signals IN SHARE ROW EXCLUSIVE MODE;
    IF TG_TABLE_NAME = 'sessions' THEN
        INSERT INTO session_signals (session_id) VALUES (OLD.id);
    ELSE
        INSERT INTO session_signals (user_id) VALUES (OLD.id);
    END IF;
    RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER session_ended AFTER DELETE ON sessions
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION session_signal();

-- Not for the activity mark (last_seen_at, expires_at pushed later), written once a minute.
CREATE CONSTRAINT TRIGGER session_changed AFTER UPDATE ON sessions
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    WHEN (NEW.state IS DISTINCT FROM OLD.state OR NEW.user_id IS DISTINCT FROM OLD.user_id
        OR NEW.created_at IS DISTINCT FROM OLD.created_at OR NEW.expires_at < OLD.expires_at)
    EXECUTE FUNCTION session_signal();

CREATE CONSTRAINT TRIGGER session_account_changed AFTER UPDATE ON users
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    WHEN (NEW.active IS DISTINCT FROM OLD.active OR NEW.password_hash IS DISTINCT FROM OLD.password_hash
        OR NEW.role IS DISTINCT FROM OLD.role OR NEW.region_code IS DISTINCT FROM OLD.region_code
        OR NEW.contractor_bin IS DISTINCT FROM OLD.contractor_bin OR NEW.language IS DISTINCT FROM OLD.language
        OR NEW.login IS DISTINCT FROM OLD.login OR NEW.full_name IS DISTINCT FROM OLD.full_name)
    EXECUTE FUNCTION session_signal();

CREATE CONSTRAINT TRIGGER session_account_deleted AFTER DELETE ON users
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION session_signal();
