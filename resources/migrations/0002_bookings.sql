-- Schema version 2: staff, releases, slots, bookings, check-ins, the audit log and the event
-- log that the live stream replays. Shared by the console's local store and the service.

CREATE TABLE staff_users (
    id INTEGER PRIMARY KEY,
    login TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL DEFAULT '',
    role TEXT NOT NULL CHECK (role IN ('admin', 'desk', 'supervisor')),
    password_hash TEXT NOT NULL, -- Argon2id (libsodium crypto_pwhash_str)
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);

-- A batch of slots that opens for booking at opens_at. Withdrawn releases are kept.
CREATE TABLE releases (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL DEFAULT '',
    opens_at INTEGER NOT NULL,
    state TEXT NOT NULL DEFAULT 'scheduled' CHECK (state IN ('draft', 'scheduled', 'open', 'withdrawn')),
    eligibility TEXT NOT NULL DEFAULT '{}', -- JSON: age limits, priority groups, invitation codes
    created_by INTEGER REFERENCES staff_users (id),
    created_at INTEGER NOT NULL,
    withdrawn_at INTEGER
);

-- booked never exceeds capacity: the engine checks it, and this CHECK refuses it regardless.
CREATE TABLE slots (
    id INTEGER PRIMARY KEY,
    centre_id INTEGER NOT NULL REFERENCES centres (id),
    service_code TEXT NOT NULL REFERENCES services (code),
    starts_at INTEGER NOT NULL,
    minutes INTEGER NOT NULL CHECK (minutes > 0),
    capacity INTEGER NOT NULL CHECK (capacity >= 0),
    booked INTEGER NOT NULL DEFAULT 0 CHECK (booked >= 0 AND booked <= capacity),
    release_id INTEGER REFERENCES releases (id),
    UNIQUE (centre_id, service_code, starts_at)
);
CREATE INDEX slots_by_release ON slots (release_id);
CREATE INDEX slots_by_time ON slots (starts_at);

CREATE TABLE bookings (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE, -- Crockford base32 with check character
    slot_id INTEGER NOT NULL REFERENCES slots (id),
    service_code TEXT NOT NULL REFERENCES services (code),
    -- normalised family name + given name + date of birth + contact: one person, one booking
    person_key TEXT NOT NULL,
    family_name TEXT NOT NULL,
    given_name TEXT NOT NULL,
    birth_date TEXT NOT NULL,
    phone TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    state TEXT NOT NULL DEFAULT 'confirmed'
        CHECK (state IN ('confirmed', 'cancelled', 'checked_in', 'no_show')),
    channel TEXT NOT NULL DEFAULT 'online' CHECK (channel IN ('online', 'hotline', 'walk_in')),
    paired_booking_id INTEGER REFERENCES bookings (id), -- second dose
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE INDEX bookings_by_slot ON bookings (slot_id);
CREATE UNIQUE INDEX bookings_one_active_per_person ON bookings (person_key, service_code)
    WHERE state IN ('confirmed', 'checked_in');

CREATE TABLE check_ins (
    id INTEGER PRIMARY KEY,
    booking_id INTEGER REFERENCES bookings (id), -- NULL for a walk-in without booking
    centre_id INTEGER NOT NULL REFERENCES centres (id),
    desk TEXT NOT NULL DEFAULT '',
    staff_id INTEGER REFERENCES staff_users (id),
    kind TEXT NOT NULL CHECK (kind IN ('arrival', 'walk_in', 'no_show', 'undo', 'result')),
    reason TEXT NOT NULL DEFAULT '',
    detail TEXT NOT NULL DEFAULT '{}', -- JSON: test result, vaccine product and batch
    at INTEGER NOT NULL
);
CREATE INDEX check_ins_by_booking ON check_ins (booking_id);

-- Append-only: who did what, when. The triggers refuse any change to a written row.
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at INTEGER NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL DEFAULT '',
    detail TEXT NOT NULL DEFAULT '{}'
);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;

-- Every booking, cancellation, check-in and release as it is streamed live; seq has no gaps.
CREATE TABLE events (
    seq INTEGER PRIMARY KEY,
    at INTEGER NOT NULL,
    type TEXT NOT NULL,
    payload TEXT NOT NULL
);
