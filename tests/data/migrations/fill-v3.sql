-- Rows the service had written while the schema was at version 3: stored first answers of
-- requests with an Idempotency-Key.

INSERT INTO idempotency_keys (key, fingerprint, status, body, created_at) VALUES
    ('0d6c9a52-7d2e-4f4e-9a8b-3c1f2e5d6a70',
     X'5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef', 201,
     CAST('{"code":"K7QM-2XW9-P","slot":1}' AS BLOB), 1767610000),
    ('retry-2', X'00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff', 409,
     CAST('{"error":"slot_full"}' AS BLOB), 1767611000);
