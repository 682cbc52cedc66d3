-- Failed sign-ins and wrong current passwords, per account and client address: guesses from
-- one address lock that address out of the account, not the account's owner elsewhere.
-- `account` is the user's id, or '' for logins that name no user (counted the same way, so a
-- failure takes the same work whether or not the login exists).
CREATE TABLE login_failures (
    account      TEXT NOT NULL,
    address      TEXT NOT NULL,
    failures     INTEGER NOT NULL DEFAULT 0,
    locked_until TIMESTAMP,
    PRIMARY KEY (account, address)
);
