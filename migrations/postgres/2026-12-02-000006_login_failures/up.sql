-- Failed sign-ins and wrong current passwords, per account and client address: guesses from
-- one address lock that address out of the account, not the account's owner elsewhere.
-- `account` is the user's id or, for a login that names no user, '?' and a keyed hash of it
-- (counted and locked the same way, so a failure takes the same work either way).
CREATE TABLE login_failures (
    account      TEXT NOT NULL,
    address      TEXT NOT NULL,
    failures     INTEGER NOT NULL DEFAULT 0,
    locked_until TIMESTAMP,
    PRIMARY KEY (account, address)
);
