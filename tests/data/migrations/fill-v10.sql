-- Rows the console had written while the schema was at version 10: centre 1 published at its
-- revision 3, centre 2 refused by the service with the service's version kept for the dialog.

INSERT INTO centre_publications (centre_id, centre_revision, hours_digest, service_revision,
                                 published_at, conflict, service_version) VALUES
    (1, 3, '5d41402abc4b2a76b9719d911017c592', 3, 1769100000, '', ''),
    (2, 0, '', 4, 1769100100, 'revision_conflict',
     '{"name":"Impfzentrum Messe","city":"Dresden","revision":4}');
