-- Rows the service had written while the schema was at version 4: staff sessions (hashes only),
-- one of them revoked.

INSERT INTO staff_tokens (id, token_hash, staff_id, created_at, expires_at, revoked_at) VALUES
    (1, '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08', 1, 1767600000,
     1767643200, NULL),
    (2, '60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752', 2, 1767600000,
     1767643200, 1767610000);
