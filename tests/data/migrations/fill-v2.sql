-- Rows the booking side had written while the schema was at version 2: staff, a release with
-- slots, bookings in every state (with a paired second dose), check-ins, audit and event log.

INSERT INTO staff_users (id, login, display_name, role, password_hash, active, created_at,
                         updated_at) VALUES
    (1, 'admin', 'Verwaltung', 'admin',
     '$argon2id$v=19$m=65536,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaA',
     1, 1767261600, 1767261600),
    (2, 'empfang1', 'Empfang Jörg', 'desk',
     '$argon2id$v=19$m=65536,t=2,p=1$b3RoZXJzYWx0b3RoZXJzYQ$b3RoZXJoYXNob3RoZXJoYXNob3RoZXJoYXNo',
     0, 1767261600, 1768000000);

INSERT INTO releases (id, uuid, name, opens_at, state, eligibility, created_by, created_at,
                      withdrawn_at) VALUES
    (1, 'a3e0b7c2-5d4f-4e1a-8c6b-2f9d0e1a7b01', 'Januar Woche 1', 1767600000, 'open',
     '{"minAge":12}', 1, 1767500000, NULL),
    (2, 'a3e0b7c2-5d4f-4e1a-8c6b-2f9d0e1a7b02', 'zurückgezogen', 1767700000, 'withdrawn', '{}', 1,
     1767500000, 1767650000);

INSERT INTO slots (id, centre_id, service_code, starts_at, minutes, capacity, booked,
                   release_id) VALUES
    (1, 1, 'pcr', 1767945600, 15, 4, 2, 1),
    (2, 1, 'rapid_antigen', 1767945600, 15, 4, 4, 1),
    (3, 2, 'vaccine_comirnaty', 1767949200, 10, 1, 1, 1),
    (4, 2, 'vaccine_comirnaty', 1769763600, 10, 1, 1, 1),
    (5, 3, 'rapid_antigen', 1767949200, 20, 1, 0, 2);

INSERT INTO bookings (id, code, slot_id, service_code, person_key, family_name, given_name,
                      birth_date, phone, email, state, channel, paired_booking_id, created_at,
                      updated_at) VALUES
    (1, 'K7QM-2XW9-P', 1, 'pcr', 'mustermann|erika|1964-08-12|0171', 'Mustermann', 'Erika',
     '1964-08-12', '0171 2345678', '', 'checked_in', 'online', NULL, 1767610000, 1767945700),
    (2, 'H3ZT-8RN4-C', 1, 'pcr', 'müller|jürgen|1950-01-31|', 'Müller', 'Jürgen', '1950-01-31',
     '', '', 'no_show', 'hotline', NULL, 1767611000, 1767950000),
    (3, 'B6VD-1KS7-Q', 3, 'vaccine_comirnaty', 'öztürk|ayşe|1988-11-02|ayse@example.org',
     'Öztürk', 'Ayşe', '1988-11-02', '', 'ayse@example.org', 'confirmed', 'online', 4,
     1767612000, 1767612000),
    (4, 'B6VD-1KS8-R', 4, 'vaccine_comirnaty', 'öztürk|ayşe|1988-11-02|ayse@example.org#2',
     'Öztürk', 'Ayşe', '1988-11-02', '', 'ayse@example.org', 'confirmed', 'online', NULL,
     1767612000, 1767612000),
    (5, 'M2PX-9LC3-T', 2, 'rapid_antigen', 'schmidt|karl|2001-05-05|', 'Schmidt', 'Karl',
     '2001-05-05', '', '', 'cancelled', 'walk_in', NULL, 1767613000, 1767614000);

INSERT INTO check_ins (id, booking_id, centre_id, desk, staff_id, kind, reason, detail, at) VALUES
    (1, 1, 1, 'Schalter 1', 2, 'arrival', '', '{}', 1767945650),
    (2, 1, 1, 'Schalter 1', 2, 'result', '', '{"result":"negative"}', 1767946000),
    (3, NULL, 1, 'Schalter 2', 2, 'walk_in', 'ohne Termin', '{}', 1767946500),
    (4, 2, 1, '', 1, 'no_show', 'nicht erschienen', '{}', 1767950000);

INSERT INTO audit_log (id, at, actor, action, entity, entity_id, detail) VALUES
    (1, 1767261600, 'admin', 'create', 'centre', '1', '{"name":"Testzentrum Altstadt"}'),
    (2, 1767500000, 'admin', 'release', 'release', '1', '{}'),
    (3, 1767650000, 'admin', 'withdraw', 'release', '2', '{"reason":"Personal fehlt"}');

INSERT INTO events (seq, at, type, payload) VALUES
    (1, 1767600000, 'release.opened', '{"release":1}'),
    (2, 1767610000, 'booking.created', '{"slot":1,"booked":1}'),
    (3, 1767945650, 'checkin.arrival', '{"booking":1}');
