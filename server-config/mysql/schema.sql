-- Gatehouse schema for MySQL 8 / MariaDB 10.6+, for DBAs who apply it by hand (then start Gatehouse with
-- GATEHOUSE_DB_MIGRATE=false). GENERATED, do not edit: it is src/main/resources/db/migration/common
-- with the MySQL placeholders and the default table prefix gatehouse_. For another prefix, replace
-- gatehouse_ throughout. After changing a migration, regenerate it from the project folder with
-- bash src/test/scripts/regenerate-schema-sql.sh (SchemaSqlTest fails the build while it is stale).

-- ---- V1__initial_schema.sql
-- Gatehouse schema, version 1 (H2, the embedded default, and MySQL 8 / MariaDB 10.6+). gatehouse_ is the configured
-- table prefix. These files serve every database; SchemaMigrator sets the placeholders for the one it connects to
-- (DatabaseDialect): table_options (MySQL: InnoDB, utf8mb4_bin, so identifiers and redirect URIs compare exactly; H2
-- compares strings exactly anyway), ascii (MySQL: CHARACTER SET ascii, for hex hashes, UUIDs and key ids), jwk_text
-- and modify_column (see versions 4 and 8). On H2 each of these is empty or its plain-SQL equivalent.
-- Times are epoch milliseconds (BIGINT). Secrets, codes and tokens are stored only as SHA-256 hashes (CHAR(64) hex)
-- and looked up by that one indexed column.

CREATE TABLE gatehouse_clients (
  client_id             VARCHAR(128)  NOT NULL,
  client_name           VARCHAR(200)  NOT NULL,
  auth_method           VARCHAR(32)   NOT NULL,
  secret_hash           VARCHAR(100)  NULL,
  redirect_uris         TEXT          NOT NULL,
  grant_types           VARCHAR(200)  NOT NULL,
  scopes                VARCHAR(2000) NOT NULL,
  rotate_refresh_tokens BOOLEAN       NOT NULL,
  created_at            BIGINT        NOT NULL,
  updated_at            BIGINT        NOT NULL,
  PRIMARY KEY (client_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE gatehouse_users (
  id            CHAR(36)     NOT NULL,
  username      VARCHAR(190) NOT NULL,
  password_hash VARCHAR(300) NOT NULL,
  name          VARCHAR(200) NULL,
  email         VARCHAR(254) NULL,
  created_at    BIGINT       NOT NULL,
  updated_at    BIGINT       NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT gatehouse_users_username UNIQUE (username)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE gatehouse_authorization_codes (
  id             CHAR(64)      CHARACTER SET ascii NOT NULL,
  grant_id       CHAR(36)      CHARACTER SET ascii NOT NULL,
  client_id      VARCHAR(128)  NOT NULL,
  subject        VARCHAR(190)  NOT NULL,
  redirect_uri   VARCHAR(2000) NULL,
  scopes         VARCHAR(2000) NOT NULL,
  code_challenge VARCHAR(128)  NULL,
  nonce          VARCHAR(512)  NULL,
  auth_time      BIGINT        NOT NULL,
  issued_at      BIGINT        NOT NULL,
  expires_at     BIGINT        NOT NULL,
  consumed_at    BIGINT        NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX gatehouse_codes_grant ON gatehouse_authorization_codes (grant_id);
CREATE INDEX gatehouse_codes_expires ON gatehouse_authorization_codes (expires_at);

CREATE TABLE gatehouse_access_tokens (
  id         CHAR(64)      CHARACTER SET ascii NOT NULL,
  grant_id   CHAR(36)      CHARACTER SET ascii NOT NULL,
  client_id  VARCHAR(128)  NOT NULL,
  subject    VARCHAR(190)  NULL,
  scopes     VARCHAR(2000) NOT NULL,
  issued_at  BIGINT        NOT NULL,
  expires_at BIGINT        NOT NULL,
  revoked_at BIGINT        NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX gatehouse_access_grant ON gatehouse_access_tokens (grant_id);
CREATE INDEX gatehouse_access_expires ON gatehouse_access_tokens (expires_at);

CREATE TABLE gatehouse_refresh_tokens (
  id         CHAR(64)      CHARACTER SET ascii NOT NULL,
  grant_id   CHAR(36)      CHARACTER SET ascii NOT NULL,
  client_id  VARCHAR(128)  NOT NULL,
  subject    VARCHAR(190)  NOT NULL,
  scopes     VARCHAR(2000) NOT NULL,
  auth_time  BIGINT        NULL,
  issued_at  BIGINT        NOT NULL,
  expires_at BIGINT        NOT NULL,
  rotated_at BIGINT        NULL,
  revoked_at BIGINT        NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX gatehouse_refresh_grant ON gatehouse_refresh_tokens (grant_id);
CREATE INDEX gatehouse_refresh_expires ON gatehouse_refresh_tokens (expires_at);

CREATE TABLE gatehouse_consents (
  subject    VARCHAR(190)  NOT NULL,
  client_id  VARCHAR(128)  NOT NULL,
  scopes     VARCHAR(2000) NOT NULL,
  granted_at BIGINT        NOT NULL,
  PRIMARY KEY (subject, client_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
-- ---- V2__revocation_and_purge.sql
-- Version 2: what revocation by user and by client, introspection permissions and the purge need.

-- A resource server may introspect tokens issued to any client (RFC 7662 §2.2); other clients only their own.
ALTER TABLE gatehouse_clients ADD COLUMN resource_server BOOLEAN NOT NULL DEFAULT FALSE;

-- Revoke every token of a user or of a client without a full scan.
CREATE INDEX gatehouse_access_subject ON gatehouse_access_tokens (subject);
CREATE INDEX gatehouse_access_client ON gatehouse_access_tokens (client_id);
CREATE INDEX gatehouse_refresh_subject ON gatehouse_refresh_tokens (subject);
CREATE INDEX gatehouse_refresh_client ON gatehouse_refresh_tokens (client_id);

-- No index on revoked_at: a revocation also sets expires_at to its own time, so the purge finds revoked rows through
-- the expires_at index, and no "revoked_at IS NULL" condition can lure the optimizer onto a revoked_at index (which
-- made a single-row UPDATE lock index entries in a different order than a revocation, and deadlock with it).
-- ---- V3__grants.sql
-- Version 3: grants. A grant is the authorization a user gave a client; its code, access and refresh tokens carry its
-- id. A refresh and a revocation both lock the grant row first, so they never interleave: a token issued by a refresh
-- that raced a revocation cannot outlive it.
CREATE TABLE gatehouse_grants (
  id         CHAR(36)      CHARACTER SET ascii NOT NULL,
  client_id  VARCHAR(128)  NOT NULL,
  subject    VARCHAR(190)  NOT NULL,
  scopes     VARCHAR(2000) NOT NULL,
  created_at BIGINT        NOT NULL,
  expires_at BIGINT        NOT NULL,
  revoked_at BIGINT        NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX gatehouse_grants_subject ON gatehouse_grants (subject);
CREATE INDEX gatehouse_grants_client ON gatehouse_grants (client_id);
CREATE INDEX gatehouse_grants_expires ON gatehouse_grants (expires_at);
-- ---- V4__signing_keys.sql
-- Version 4: the signing keys of ID tokens and JWT access tokens, and a lock row for their rotation.
-- private_jwk is a JWE (dir, A256GCM) under the key-encryption key from configuration: the database never holds a
-- private key in plaintext, nor the key that decrypts it. A key is published from its creation, signs from
-- activates_at until its successor activates (retired_at), and is deleted after published_until, when every token
-- it signed has expired. jwk_text: TEXT on MySQL, VARCHAR(8000) on H2.
CREATE TABLE gatehouse_signing_keys (
  kid             VARCHAR(64)   CHARACTER SET ascii NOT NULL,
  alg             VARCHAR(16)   CHARACTER SET ascii NOT NULL,
  public_jwk      TEXT NOT NULL,
  private_jwk     TEXT CHARACTER SET ascii NOT NULL,
  created_at      BIGINT        NOT NULL,
  activates_at    BIGINT        NOT NULL,
  retired_at      BIGINT        NULL,
  published_until BIGINT        NULL,
  PRIMARY KEY (kid)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- One row per cluster-wide job that must not run twice at once. A node locks its row (SELECT ... FOR UPDATE) before
-- it creates, retires or deletes a signing key, and reads the keys again under the lock.
CREATE TABLE gatehouse_locks (
  name VARCHAR(64) CHARACTER SET ascii NOT NULL,
  PRIMARY KEY (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
INSERT INTO gatehouse_locks (name) VALUES ('signing-keys');
-- ---- V5__openid_connect.sql
-- Version 5: OpenID Connect.

-- The built-in user store keeps the standard claims that the profile, email, phone and address scopes release
-- (OpenID Connect Core §5.1, §5.4). address is the JSON object of §5.1.1; the *_verified flags say whether the
-- operator checked the value, and are false unless set.
ALTER TABLE gatehouse_users ADD COLUMN given_name VARCHAR(200) NULL;
ALTER TABLE gatehouse_users ADD COLUMN family_name VARCHAR(200) NULL;
ALTER TABLE gatehouse_users ADD COLUMN email_verified BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE gatehouse_users ADD COLUMN phone_number VARCHAR(64) NULL;
ALTER TABLE gatehouse_users ADD COLUMN phone_number_verified BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE gatehouse_users ADD COLUMN locale VARCHAR(35) NULL;
ALTER TABLE gatehouse_users ADD COLUMN zoneinfo VARCHAR(64) NULL;
ALTER TABLE gatehouse_users ADD COLUMN address TEXT NULL;

-- Client registration fields of OpenID Connect Dynamic Client Registration §2 and its logout specifications, and the
-- access-token format (opaque, or a signed JWT per RFC 9068). post_logout_redirect_uris: one per line, like
-- redirect_uris.
ALTER TABLE gatehouse_clients ADD COLUMN id_token_signed_response_alg VARCHAR(10) NOT NULL DEFAULT 'RS256';
ALTER TABLE gatehouse_clients ADD COLUMN access_token_format VARCHAR(10) NOT NULL DEFAULT 'opaque';
ALTER TABLE gatehouse_clients ADD COLUMN post_logout_redirect_uris TEXT NULL;
ALTER TABLE gatehouse_clients ADD COLUMN backchannel_logout_uri VARCHAR(2000) NULL;

-- SSO sessions (OpenID Connect Session Management's "OP session"), kept server-side so that they work across a
-- cluster and survive restarts. id is the SHA-256 of the browser's cookie value (the cookie itself is never stored);
-- sid is the public session id of ID and logout tokens. A session ends at the earlier of last_seen_at + the idle
-- lifetime and created_at + the absolute lifetime; expires_at holds that instant and moves as the session is used.
CREATE TABLE gatehouse_sessions (
  id           CHAR(64)     CHARACTER SET ascii NOT NULL,
  sid          CHAR(36)     CHARACTER SET ascii NOT NULL,
  subject      VARCHAR(190) NOT NULL,
  username     VARCHAR(190) NOT NULL,
  auth_time    BIGINT       NOT NULL,
  created_at   BIGINT       NOT NULL,
  last_seen_at BIGINT       NOT NULL,
  expires_at   BIGINT       NOT NULL,
  ended_at     BIGINT       NULL,
  PRIMARY KEY (id),
  CONSTRAINT gatehouse_sessions_sid UNIQUE (sid)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX gatehouse_sessions_subject ON gatehouse_sessions (subject);
CREATE INDEX gatehouse_sessions_expires ON gatehouse_sessions (expires_at);

-- The clients a session signed in to: who is told when it ends (Back-Channel Logout 1.0).
CREATE TABLE gatehouse_session_clients (
  sid        CHAR(36)     CHARACTER SET ascii NOT NULL,
  client_id  VARCHAR(128) NOT NULL,
  created_at BIGINT       NOT NULL,
  PRIMARY KEY (sid, client_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- The session a code was issued in, and the grant it opened: ID tokens carry it as sid, and ending the session
-- revokes its grants (except offline_access ones, which are meant to outlive it: OpenID Connect Core §11).
ALTER TABLE gatehouse_authorization_codes ADD COLUMN session_id CHAR(36) CHARACTER SET ascii NULL;
ALTER TABLE gatehouse_grants ADD COLUMN session_id CHAR(36) CHARACTER SET ascii NULL;
CREATE INDEX gatehouse_grants_session ON gatehouse_grants (session_id);
-- ---- V6__backchannel_logout.sql
-- Version 6: OpenID Connect Back-Channel Logout 1.0. The notifications a logout owes the clients of the ended session
-- (an outbox): written in the logout's transaction, sent after it commits, retried with back-off until delivered or
-- out of attempts. finished_at is set then, and the purge deletes the row after the retention.
CREATE TABLE gatehouse_logout_deliveries (
  id              CHAR(36)      CHARACTER SET ascii NOT NULL,
  client_id       VARCHAR(128)  NOT NULL,
  uri             VARCHAR(2000) NOT NULL,
  sid             CHAR(36)      CHARACTER SET ascii NOT NULL,
  subject         VARCHAR(190)  NOT NULL,
  created_at      BIGINT        NOT NULL,
  attempts        INT           NOT NULL,
  next_attempt_at BIGINT        NOT NULL,
  finished_at     BIGINT        NULL,
  delivered       BOOLEAN       NOT NULL,
  last_error      VARCHAR(200)  NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX gatehouse_logout_due ON gatehouse_logout_deliveries (next_attempt_at);
CREATE INDEX gatehouse_logout_finished ON gatehouse_logout_deliveries (finished_at);

-- A client that registered itself (RFC 7591) rather than being registered by the operator: its back-channel URI may
-- not point at internal addresses unless the operator allows it (GATEHOUSE_DYNAMIC_CLIENTS_MAY_CALL_INTERNAL).
ALTER TABLE gatehouse_clients ADD COLUMN dynamically_registered BOOLEAN NOT NULL DEFAULT FALSE;
-- ---- V7__login_throttle.sql
-- Version 7: sign-in protection. Failed sign-ins counted per account and per client address, shared by every node and
-- kept across restarts. id is the SHA-256 (hex) of the kind and the normalized username or address: the table is never
-- a list of what people typed as their username. Times are epoch milliseconds; locked_until is 0 when never locked.
-- expires_at is when the row stops mattering (its window is over and it is not locked): the purge deletes it then.
CREATE TABLE gatehouse_login_failures (
  id            CHAR(64)    CHARACTER SET ascii NOT NULL,
  kind          VARCHAR(16) CHARACTER SET ascii NOT NULL,
  failures      INT         NOT NULL,
  window_start  BIGINT      NOT NULL,
  locked_until  BIGINT      NOT NULL,
  lockouts      INT         NOT NULL,
  expires_at    BIGINT      NOT NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX gatehouse_login_failures_expiry ON gatehouse_login_failures (expires_at);
-- ---- V8__directory_and_administration.sql
-- Version 8: users from more than one identity store, administration, and dynamic client registration.

-- source: the identity store a user comes from ('database' for the built-in store, 'ldap' for a directory, ...);
-- external_id: that store's stable identifier of the user (for LDAP the configured id attribute, e.g. entryUUID),
-- null for the built-in store. A directory user gets a row at first sign-in so that sub, sessions, consents and the
-- admin API work the same for every store; such a row has no password_hash. roles: space-separated role names
-- (e.g. gatehouse-admin); disabled: the user may not sign in, and its tokens were revoked when it was set.
-- modify_column: MODIFY on MySQL, ALTER COLUMN on H2.
ALTER TABLE gatehouse_users MODIFY password_hash VARCHAR(300) NULL;
ALTER TABLE gatehouse_users ADD COLUMN source VARCHAR(64) NOT NULL DEFAULT 'database';
ALTER TABLE gatehouse_users ADD COLUMN external_id VARCHAR(190) NULL;
ALTER TABLE gatehouse_users ADD COLUMN roles VARCHAR(1000) NOT NULL DEFAULT '';
ALTER TABLE gatehouse_users ADD COLUMN disabled BOOLEAN NOT NULL DEFAULT FALSE;
CREATE UNIQUE INDEX gatehouse_users_external ON gatehouse_users (source, external_id);

-- RFC 7592: the registration access token of a dynamically registered client, only as its SHA-256 (hex).
ALTER TABLE gatehouse_clients ADD COLUMN registration_token_hash CHAR(64) CHARACTER SET ascii NULL;
-- ---- V9__audit_events.sql
-- Version 9: the audit trail. One row per security event (sign-in, lockout, consent, tokens issued, refreshed and
-- revoked, code or refresh-token replay, session end, administrative change), written once and never updated; the
-- same event is one JSON line of the log dev.gatehouse.audit, with the same id.
-- id: a time-ordered UUID (version 7), so rows are appended at the end of the key. occurred_at: epoch milliseconds.
-- No column holds a token, code, secret, password or a hash of one. username is the identity store's spelling of a
-- successful sign-in only; a failed one is named in details by account_key (8 hex digits of the SHA-256 of what was
-- typed, which may have been a password). actor: the user's subject or the client id that caused the event.
-- details: a small JSON object with fixed keys. The purge deletes rows older than GATEHOUSE_AUDIT_RETENTION through
-- the occurred_at index; the subject and client indexes list one user's or one client's events by time.
CREATE TABLE gatehouse_audit_events (
  id             CHAR(36)     CHARACTER SET ascii NOT NULL,
  occurred_at    BIGINT       NOT NULL,
  event_type     VARCHAR(32)  CHARACTER SET ascii NOT NULL,
  outcome        VARCHAR(16)  CHARACTER SET ascii NOT NULL,
  actor          VARCHAR(190) NULL,
  username       VARCHAR(190) NULL,
  client_id      VARCHAR(128) NULL,
  subject        VARCHAR(190) NULL,
  client_address VARCHAR(64)  NULL,
  grant_id       VARCHAR(64)  NULL,
  session_id     VARCHAR(64)  NULL,
  node           VARCHAR(64)  NULL,
  details        TEXT         NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX gatehouse_audit_events_time ON gatehouse_audit_events (occurred_at);
CREATE INDEX gatehouse_audit_events_subject ON gatehouse_audit_events (subject, occurred_at);
CREATE INDEX gatehouse_audit_events_client ON gatehouse_audit_events (client_id, occurred_at);
-- ---- V10__administration_indexes.sql
-- Version 10: the administration lists consents and sessions per client (GET /admin/api/clients/{id}/consents and
-- /sessions, the console's client page, deleting a client). Both tables are keyed by user first, so without these
-- indexes each such call would read the whole table.
CREATE INDEX gatehouse_consents_client ON gatehouse_consents (client_id);
CREATE INDEX gatehouse_session_clients_client ON gatehouse_session_clients (client_id);
-- ---- V11__login_failure_last_attempt.sql
-- Version 11: when an account last failed to sign in (epoch milliseconds, 0 for none). Its next attempt is looked at
-- only once the delay that failure earned has passed; an earlier attempt is answered at once with how long to wait,
-- instead of being held on a request thread.
ALTER TABLE gatehouse_login_failures ADD COLUMN last_failure_at BIGINT NOT NULL DEFAULT 0;
-- ---- V12__resource_indicators.sql
-- Version 12: resource indicators (RFC 8707). allowed_resources: the resource URIs a client may ask access tokens for,
-- one per line, registered by the operator (NULL: none, every token has the default audience). resources: the ones a
-- code, access token or refresh token is for, sorted and space-separated (a URI holds no space); NULL for none.
ALTER TABLE gatehouse_clients ADD COLUMN allowed_resources TEXT NULL;
ALTER TABLE gatehouse_authorization_codes ADD COLUMN resources VARCHAR(2000) NULL;
ALTER TABLE gatehouse_access_tokens ADD COLUMN resources VARCHAR(2000) NULL;
ALTER TABLE gatehouse_refresh_tokens ADD COLUMN resources VARCHAR(2000) NULL;
-- ---- V13__access_policy_and_first_party.sql
-- Version 13: per-client access policy and first-party clients, registered by the operator only.
-- allowed_roles, allowed_groups: the roles and directory group names a user needs one of to use the client, one per
-- line (a role or group name holds no line break); NULL for none (both NULL: everyone, as before). first_party: the
-- client is the operator's own application, and its users are not shown the consent page.
ALTER TABLE gatehouse_clients ADD COLUMN allowed_roles TEXT NULL;
ALTER TABLE gatehouse_clients ADD COLUMN allowed_groups TEXT NULL;
ALTER TABLE gatehouse_clients ADD COLUMN first_party BOOLEAN NOT NULL DEFAULT FALSE;
-- directory_groups: a directory user's groups as its directory last gave them (at sign-in and at each refresh), a
-- sorted JSON array of names (a name may hold spaces), for the access policies; NULL for none and for users of the
-- built-in store.
ALTER TABLE gatehouse_users ADD COLUMN directory_groups TEXT NULL;
-- ---- V14__groups_and_roles_claims.sql
-- Version 14: the groups and roles claims. Their groups are the users' directory_groups of version 13, every group
-- the directory gave (the claim carries at most GATEHOUSE_LDAP_MAX_GROUPS of them; the bound is applied where it is
-- released, not here). groups_claim_name and roles_claim_name: the names a client's tokens carry those claims under;
-- NULL for the defaults, groups and roles.
ALTER TABLE gatehouse_clients ADD COLUMN groups_claim_name VARCHAR(255) NULL;
ALTER TABLE gatehouse_clients ADD COLUMN roles_claim_name VARCHAR(255) NULL;
