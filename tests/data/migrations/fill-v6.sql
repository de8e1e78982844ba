-- Rows written while the schema was at version 6: a confirm's idempotent answer stored as
-- data, a requested re-send of a booking code, and the record of the person key re-keying.

INSERT INTO idempotency_keys (key, fingerprint, status, body, created_at, booking_id, qr_text)
    VALUES ('c0ffee-v6', X'00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff',
            201, X'', 1767947100, 6, 'SD2:T4NW7GH2E:3:rapid_antigen:1768035600:0/1::sig');
INSERT INTO outbox (id, booking_id, channel, address, kind, created_at, sent_at) VALUES
    (1, 6, 'phone', '0160 9876543', 'booking_code', 1767947200, NULL);
INSERT INTO person_key_rekeys (scheme, bookings, merged, done_at) VALUES
    ('blake2b-pepper-v1', 6, 0, 1767947000);
