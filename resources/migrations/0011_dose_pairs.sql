-- Schema version 11: two-dose products. A first-dose booking of a product with two doses is
-- stored together with its second appointment in one transaction; the first row's
-- paired_booking_id points at the second, whose dose is 2 (a second dose has no pair of its
-- own). The one-active-booking-per-person rule holds per dose, so a person has at most one
-- active first and one active second dose of a product. The table is rebuilt (as in version 5)
-- because SQLite cannot add a table constraint to an existing table; rows that were paired
-- before become dose 2. The partial index finds the first dose of a second one (lookups,
-- cancellations) and costs nothing for single bookings, which never carry a pair.

CREATE TABLE bookings_v11 (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE, -- Crockford base32 with check character
    slot_id INTEGER NOT NULL REFERENCES slots (id),
    service_code TEXT NOT NULL REFERENCES services (code),
    -- keyed hash of the normalised names and birth date (see PersonKey)
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
    paired_booking_id INTEGER REFERENCES bookings (id), -- the second dose of this first one
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    dose INTEGER NOT NULL DEFAULT 1 CHECK (dose = 1 OR dose = 2),
    CHECK (dose = 1 OR paired_booking_id IS NULL)
);
INSERT INTO bookings_v11 (id, code, slot_id, service_code, person_key, family_name, given_name,
                          birth_date, phone, email, state, channel, paired_booking_id,
                          created_at, updated_at, dose)
    SELECT id, code, slot_id, service_code, person_key, family_name, given_name, birth_date,
           phone, email, state, channel, paired_booking_id, created_at, updated_at,
           CASE WHEN id IN (SELECT paired_booking_id FROM bookings
                            WHERE paired_booking_id IS NOT NULL) THEN 2 ELSE 1 END
    FROM bookings;
DROP TABLE bookings;
ALTER TABLE bookings_v11 RENAME TO bookings;
CREATE INDEX bookings_by_slot ON bookings (slot_id);
CREATE UNIQUE INDEX bookings_one_active_per_person ON bookings (person_key, service_code, dose)
    WHERE state IN ('confirmed', 'checked_in');
CREATE INDEX bookings_by_pair ON bookings (paired_booking_id)
    WHERE paired_booking_id IS NOT NULL;
