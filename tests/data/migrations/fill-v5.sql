-- Rows written while the schema was at version 5 (the bookings table rebuilt with the same
-- rules): a walk-in booked at the desk, with its slot's counter.

INSERT INTO bookings (id, code, slot_id, service_code, person_key, family_name, given_name,
                      birth_date, phone, email, state, channel, paired_booking_id, created_at,
                      updated_at) VALUES
    (6, 'T4NW-7GH2-E', 5, 'rapid_antigen', 'weber|lena|1999-03-21|0160', 'Weber', 'Lena',
     '1999-03-21', '0160 9876543', '', 'confirmed', 'walk_in', NULL, 1767947000, 1767947000);
UPDATE slots SET booked = booked + 1 WHERE id = 5;
