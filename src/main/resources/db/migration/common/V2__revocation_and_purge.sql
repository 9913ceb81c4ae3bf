-- Version 2: what revocation by user and by client, introspection permissions and the purge need.

-- A resource server may introspect tokens issued to any client (RFC 7662 §2.2); other clients only their own.
ALTER TABLE ${prefix}clients ADD COLUMN resource_server BOOLEAN NOT NULL DEFAULT FALSE;

-- Revoke every token of a user or of a client without a full scan.
CREATE INDEX ${prefix}access_subject ON ${prefix}access_tokens (subject);
CREATE INDEX ${prefix}access_client ON ${prefix}access_tokens (client_id);
CREATE INDEX ${prefix}refresh_subject ON ${prefix}refresh_tokens (subject);
CREATE INDEX ${prefix}refresh_client ON ${prefix}refresh_tokens (client_id);

-- No index on revoked_at: a revocation also sets expires_at to its own time, so the purge finds revoked rows through
-- the expires_at index, and no "revoked_at IS NULL" condition can lure the optimizer onto a revoked_at index (which
-- made a single-row UPDATE lock index entries in a different order than a revocation, and deadlock with it).
