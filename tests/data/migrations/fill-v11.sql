-- Rows the service had written while the schema was at version 11: a Comirnaty pair booked in
-- one go (the first dose points at the second, 28 days later at the same centre), with its
-- slots' counters.

INSERT INTO slots (id, centre_id, service_code, starts_at, minutes, capacity, booked,
                   release_id, withdrawn_places, withdrawn_at) VALUES
    (7, 2, 'vaccine_comirnaty', 1772532000, 10, 6, 1, NULL, 0, NULL);

INSERT INTO bookings (id, code, slot_id, service_code, person_key, family_name, given_name,
                      birth_date, phone, email, state, channel, paired_booking_id, dose,
                      created_at, updated_at) VALUES
    (7, 'R8KC-4TV2-M', 7, 'vaccine_comirnaty', 'krüger|ines|1975-06-30|0152', 'Krüger', 'Ines',
     '1975-06-30', '0152 1122334', '', 'confirmed', 'online', NULL, 2, 1769900000, 1769900000),
    (8, 'R8KC-4TV1-K', 6, 'vaccine_comirnaty', 'krüger|ines|1975-06-30|0152', 'Krüger', 'Ines',
     '1975-06-30', '0152 1122334', '', 'confirmed', 'online', 7, 1, 1769900000, 1769900000);
UPDATE slots SET booked = booked + 1 WHERE id = 6;
