-- Schema version 8: releases in use. A slot with a release_id is bookable from its release's
-- opens_at on (the service opens the release by itself at that time). A retried create finds
-- its release by idempotency_key (or by uuid) and request_hash, so it never publishes twice.
-- Withdrawing sets a slot's capacity to its booked places and remembers how many places were
-- taken away (withdrawn_places): booked appointments are kept, nothing is deleted.
ALTER TABLE releases ADD COLUMN opened_at INTEGER;
ALTER TABLE releases ADD COLUMN idempotency_key TEXT;
ALTER TABLE releases ADD COLUMN request_hash TEXT NOT NULL DEFAULT '';
CREATE UNIQUE INDEX releases_by_idempotency_key ON releases (idempotency_key)
    WHERE idempotency_key IS NOT NULL;
CREATE INDEX releases_by_state ON releases (state, opens_at);

ALTER TABLE slots ADD COLUMN withdrawn_places INTEGER NOT NULL DEFAULT 0
    CHECK (withdrawn_places >= 0);
ALTER TABLE slots ADD COLUMN withdrawn_at INTEGER;
-- Places of the capacity kept back for hotline bookings (staff book them for callers).
ALTER TABLE slots ADD COLUMN hotline_places INTEGER NOT NULL DEFAULT 0 CHECK (hotline_places >= 0);

-- Invitation codes of invitation-only releases (releases.eligibility {"invitation_only": true}).
-- Only a keyed hash of each code is stored; a code books once (booking_id, used_at).
CREATE TABLE release_invitations (
    id INTEGER PRIMARY KEY,
    release_id INTEGER NOT NULL REFERENCES releases (id),
    code_hash TEXT NOT NULL UNIQUE,
    booking_id INTEGER REFERENCES bookings (id),
    used_at INTEGER
);
CREATE INDEX release_invitations_by_release ON release_invitations (release_id);
