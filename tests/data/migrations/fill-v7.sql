-- Rows the service had written while the schema was at version 7: the desk account limited to
-- the first centre.

INSERT INTO staff_centres (staff_id, centre_id) VALUES (2, 1);
