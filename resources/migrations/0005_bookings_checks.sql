-- Schema version 5: the bookings table's CHECK constraints written as comparisons instead of
-- IN lists. SQLite evaluates a constant IN list of three or more values through a temporary
-- B-tree built for every inserted row (two per booking), the largest single cost of storing a
-- booking. The rules are the same. SQLite cannot alter a CHECK constraint, so the table is
-- rebuilt (the documented procedure: Database::migrate turns foreign keys off around it and
-- runs foreign_key_check before committing).

CREATE TABLE bookings_v5 (
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
        CHECK (state = 'confirmed' OR state = 'cancelled' OR state = 'checked_in'
               OR state = 'no_show'),
    channel TEXT NOT NULL DEFAULT 'online'
        CHECK (channel = 'online' OR channel = 'hotline' OR channel = 'walk_in'),
    paired_booking_id INTEGER REFERENCES bookings (id), -- second dose
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
INSERT INTO bookings_v5 (id, code, slot_id, service_code, person_key, family_name, given_name,
                         birth_date, phone, email, state, channel, paired_booking_id, created_at,
                         updated_at)
    SELECT id, code, slot_id, service_code, person_key, family_name, given_name, birth_date,
           phone, email, state, channel, paired_booking_id, created_at, updated_at
    FROM bookings;
DROP TABLE bookings;
ALTER TABLE bookings_v5 RENAME TO bookings;
CREATE INDEX bookings_by_slot ON bookings (slot_id);
CREATE UNIQUE INDEX bookings_one_active_per_person ON bookings (person_key, service_code)
    WHERE state IN ('confirmed', 'checked_in');
