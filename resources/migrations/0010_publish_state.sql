-- Schema version 10: what the console last published of each centre, so the centres page can
-- tell "not yet published", "published", "changed since publishing" and "conflict" apart.
-- A row exists once a publish was answered: centre_revision is the local centres.revision and
-- hours_digest the digest of the opening hours sent (0 and '' while only a conflict is known);
-- service_revision is the revision the service answered. conflict holds the service's reason
-- and service_version its JSON of the centre when it refused or had moved on; both are empty
-- without a conflict. The service's own database carries the table unused.
CREATE TABLE centre_publications (
    centre_id INTEGER PRIMARY KEY REFERENCES centres (id) ON DELETE CASCADE,
    centre_revision INTEGER NOT NULL DEFAULT 0 CHECK (centre_revision >= 0),
    hours_digest TEXT NOT NULL DEFAULT '',
    service_revision INTEGER NOT NULL DEFAULT 0 CHECK (service_revision >= 0),
    published_at INTEGER NOT NULL DEFAULT 0,
    conflict TEXT NOT NULL DEFAULT '',
    service_version TEXT NOT NULL DEFAULT ''
);
