-- Schema version 7: staff accounts limited to some centres. An account without rows here works
-- for every centre; an account with rows sees and checks in only the bookings of those centres,
-- and its live stream leaves out the events of the others.
CREATE TABLE staff_centres (
    staff_id INTEGER NOT NULL REFERENCES staff_users (id),
    centre_id INTEGER NOT NULL REFERENCES centres (id),
    PRIMARY KEY (staff_id, centre_id)
) WITHOUT ROWID;
