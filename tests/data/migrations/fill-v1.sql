-- Rows a configurator had entered while the schema was at version 1: three centres (one
-- deactivated), their services and lanes, weekly hours with a break, closures and special days.
-- Applied by slotdesk_migration_fixtures right after migration 0001 (see README.md).

INSERT INTO centres (id, uuid, name, name_key, street, postcode, city, kind, slot_minutes, phone,
                     active, revision, created_at, updated_at) VALUES
    (1, '6f1c1d8e-1f0a-4a53-9b1e-0c8f6a1d2e01', 'Testzentrum Altstadt', 'testzentrum altstadt',
     'Marktplatz 1', '01067', 'Dresden', 'test', 15, '0351 123456', 1, 3, 1767261600, 1768471200),
    (2, '6f1c1d8e-1f0a-4a53-9b1e-0c8f6a1d2e02', 'Impfzentrum Messe', 'impfzentrum messe',
     'Messering 6', '01067', 'Dresden', 'vaccination', 10, '+49 351 98765', 1, 1, 1767261600,
     1767261600),
    (3, '6f1c1d8e-1f0a-4a53-9b1e-0c8f6a1d2e03', 'Teststelle Süd "Bergstraße"',
     'teststelle süd "bergstraße"', 'Bergstraße 12; Eingang B', '01069', 'Dresden', 'test', 20,
     '', 0, 2, 1767261600, 1767348000);

INSERT INTO centre_services (centre_id, service_code) VALUES
    (1, 'pcr'), (1, 'rapid_antigen'),
    (2, 'vaccine_comirnaty'), (2, 'vaccine_spikevax'),
    (3, 'rapid_antigen');

INSERT INTO lanes (id, centre_id, position, name, capacity, service_code, active) VALUES
    (1, 1, 1, '1', 2, NULL, 1),
    (2, 1, 2, '2', 2, NULL, 1),
    (3, 1, 3, '3', 2, NULL, 0),
    (4, 2, 1, 'Kabine A', 1, 'vaccine_comirnaty', 1),
    (5, 2, 2, 'Kabine B', 1, NULL, 1),
    (6, 3, 1, '1', 1, NULL, 1);

INSERT INTO opening_rules (id, centre_id, weekday, start_minute, end_minute, kind) VALUES
    (1, 1, 1, 480, 720, 'open'),
    (2, 1, 1, 780, 1080, 'open'),
    (3, 1, 2, 480, 1080, 'open'),
    (4, 1, 2, 720, 750, 'break'),
    (5, 1, 7, 0, 1440, 'open'),
    (6, 2, 6, 540, 840, 'open'),
    (7, 3, 3, 420, 600, 'open');

INSERT INTO closures (id, centre_id, first_day, last_day, reason) VALUES
    (1, 1, '2025-12-24', '2025-12-26', 'Weihnachten'),
    (2, 1, '2027-01-01', '2027-01-01', 'Neujahr'),
    (3, 2, '2026-03-30', '2026-04-03', 'kein Impfstoff');

INSERT INTO special_days (id, centre_id, day, label, start_minute, end_minute) VALUES
    (1, 1, '2026-12-31', 'Silvester', 480, 720),
    (2, 1, '2026-12-31', 'Silvester', 780, 840),
    (3, 2, '2026-03-29', 'Sommerzeit', 60, 300);
