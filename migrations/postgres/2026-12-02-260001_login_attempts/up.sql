-- Sign-in attempts per client address and minute, shared by every instance on this database:
-- the limit on attempts holds across the load balancer, not per instance. Rows older than a
-- few minutes are deleted as new minutes begin.
CREATE TABLE login_attempts (
    address  TEXT NOT NULL,
    minute   TIMESTAMP NOT NULL,
    attempts INTEGER NOT NULL,
    PRIMARY KEY (address, minute)
);
CREATE INDEX login_attempts_minute_idx ON login_attempts (minute);
