-- Schema version 9: vaccine delivery forecasts. Doses of a product expected in an ISO week
-- ("2026-W10", Monday to Sunday in Berlin civil time). A release never offers more first doses
-- in a week than its forecast minus the doses offered already and those kept for second
-- appointments (see models/rules/ForecastLimit.h); a week without a row admits none.
-- The week text sorts in time order, so a range of weeks is a BETWEEN on it.
CREATE TABLE forecasts (
    service_code TEXT NOT NULL REFERENCES services (code),
    week TEXT NOT NULL CHECK (week GLOB '[0-9][0-9][0-9][0-9]-W[0-5][0-9]'),
    doses INTEGER NOT NULL CHECK (doses >= 0),
    updated_by INTEGER REFERENCES staff_users (id),
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (service_code, week)
);
