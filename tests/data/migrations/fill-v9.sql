-- Rows the service had written while the schema was at version 9: delivery forecasts of two
-- products, one lowered to zero by an admin.

INSERT INTO forecasts (service_code, week, doses, updated_by, updated_at) VALUES
    ('vaccine_comirnaty', '2026-W06', 1200, 1, 1769000000),
    ('vaccine_comirnaty', '2026-W07', 900, 1, 1769000100),
    ('vaccine_spikevax', '2026-W06', 0, 1, 1769000200);
