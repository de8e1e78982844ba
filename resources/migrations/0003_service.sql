-- Schema version 3: what the booking service stores beyond the shared schema.

-- The first answer to a mutating request that carried an Idempotency-Key, written in the same
-- transaction as the change, so a client retrying after a crash or a lost answer gets exactly
-- the answer it missed. Pruned after a day.
CREATE TABLE idempotency_keys (
    key TEXT PRIMARY KEY,
    fingerprint BLOB NOT NULL, -- SHA-256 of method, path and body: a reused key with another body is refused
    status INTEGER NOT NULL,
    body BLOB NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE INDEX idempotency_keys_by_age ON idempotency_keys (created_at);
