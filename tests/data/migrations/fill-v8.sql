-- Rows the service had written while the schema was at version 8: a scheduled release created
-- with an Idempotency-Key, a partly withdrawn slot, and invitation codes (one used).

INSERT INTO releases (id, uuid, name, opens_at, state, eligibility, created_by, created_at,
                      withdrawn_at, opened_at, idempotency_key, request_hash) VALUES
    (3, 'a3e0b7c2-5d4f-4e1a-8c6b-2f9d0e1a7b03', 'Auffrischung 60+', 1769850000, 'scheduled',
     '{"age_from":60,"invitation_only":true}', 1, 1769000000, NULL, NULL, 'console-7f3a-0001',
     '5f2b8e0c9a1d4e6f8b7c3a2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f');

UPDATE slots SET withdrawn_places = 3, withdrawn_at = 1767650000, release_id = 2 WHERE id = 5;

INSERT INTO slots (id, centre_id, service_code, starts_at, minutes, capacity, booked,
                   release_id, withdrawn_places, withdrawn_at) VALUES
    (6, 2, 'vaccine_comirnaty', 1770112800, 10, 6, 0, 3, 0, NULL);

INSERT INTO release_invitations (id, release_id, code_hash, booking_id, used_at) VALUES
    (1, 3, '9c1e4b7a2d5f8e0b3c6a9d2f5e8b1c4a7d0e3f6b9c2a5d8e1f4b7c0a3d6e9f2b', NULL, NULL),
    (2, 1, '1b4e7a0d3f6c9b2e5a8d1f4c7b0e3a6d9f2c5b8e1a4d7f0c3b6e9a2d5f8c1b4e', 3, 1767612000);
