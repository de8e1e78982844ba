-- Schema version 4: bearer tokens of staff sessions. Only a hash of each token is stored, so a
-- copy of the database does not let anyone act as staff. Revoked and expired rows are kept for
-- the audit trail until retention removes them.
CREATE TABLE staff_tokens (
    id INTEGER PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE, -- hex SHA-256 of the 256-bit random token
    staff_id INTEGER NOT NULL REFERENCES staff_users (id),
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    revoked_at INTEGER
);
CREATE INDEX staff_tokens_by_staff ON staff_tokens (staff_id);
