-- Version 8: users from more than one identity store, administration, and dynamic client registration.

-- source: the identity store a user comes from ('database' for the built-in store, 'ldap' for a directory, ...);
-- external_id: that store's stable identifier of the user (for LDAP the configured id attribute, e.g. entryUUID),
-- null for the built-in store. A directory user gets a row at first sign-in so that sub, sessions, consents and the
-- admin API work the same for every store; such a row has no password_hash. roles: space-separated role names
-- (e.g. gatehouse-admin); disabled: the user may not sign in, and its tokens were revoked when it was set.
-- modify_column: MODIFY on MySQL, ALTER COLUMN on H2.
ALTER TABLE ${prefix}users ${modify_column} password_hash VARCHAR(300) NULL;
ALTER TABLE ${prefix}users ADD COLUMN source VARCHAR(64) NOT NULL DEFAULT 'database';
ALTER TABLE ${prefix}users ADD COLUMN external_id VARCHAR(190) NULL;
ALTER TABLE ${prefix}users ADD COLUMN roles VARCHAR(1000) NOT NULL DEFAULT '';
ALTER TABLE ${prefix}users ADD COLUMN disabled BOOLEAN NOT NULL DEFAULT FALSE;
CREATE UNIQUE INDEX ${prefix}users_external ON ${prefix}users (source, external_id);

-- RFC 7592: the registration access token of a dynamically registered client, only as its SHA-256 (hex).
ALTER TABLE ${prefix}clients ADD COLUMN registration_token_hash CHAR(64) ${ascii} NULL;
