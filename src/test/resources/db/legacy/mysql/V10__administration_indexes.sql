-- Version 10: the administration lists consents and sessions per client (GET /admin/api/clients/{id}/consents and
-- /sessions, the console's client page, deleting a client). Both tables are keyed by user first, so without these
-- indexes each such call would read the whole table.
CREATE INDEX ${prefix}consents_client ON ${prefix}consents (client_id);
CREATE INDEX ${prefix}session_clients_client ON ${prefix}session_clients (client_id);
