-- Schema version 6: the citizen side's answers as data and the privacy of booking codes.

-- A confirm or cancel stores its idempotent answer as data, rendered again on a replay: the
-- booking's id (0 for answers kept as `body`; no foreign key, the rows live one day) and the
-- signed QR text, which cannot be derived again (it proves the booking's place in its batch).
ALTER TABLE idempotency_keys ADD COLUMN booking_id INTEGER NOT NULL DEFAULT 0;
ALTER TABLE idempotency_keys ADD COLUMN qr_text TEXT NOT NULL DEFAULT '';

-- Booking codes are re-sent only through the contact channel on file, never in an answer: a
-- request to re-send is recorded here, and whatever delivers mail and SMS sends it and sets
-- sent_at.
CREATE TABLE outbox (
    id INTEGER PRIMARY KEY,
    booking_id INTEGER NOT NULL REFERENCES bookings (id),
    channel TEXT NOT NULL CHECK (channel = 'phone' OR channel = 'email'),
    address TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind = 'booking_code'),
    created_at INTEGER NOT NULL,
    sent_at INTEGER
);
CREATE INDEX outbox_unsent ON outbox (created_at) WHERE sent_at IS NULL;

-- bookings.person_key becomes a keyed BLAKE2b of the normalised names and birth date (the
-- contact no longer counts), stored as a 32-byte blob. SQL cannot compute it: the service
-- re-keys every stored booking at its first start on this schema, in one transaction with
-- the row here, so it runs once. Until then the old hex keys stay in place.
CREATE TABLE person_key_rekeys (
    scheme TEXT PRIMARY KEY,
    bookings INTEGER NOT NULL, -- rows re-keyed
    merged INTEGER NOT NULL,   -- active bookings that turned out to belong to one person
    done_at INTEGER NOT NULL
);
