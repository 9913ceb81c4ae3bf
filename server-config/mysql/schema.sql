-- Gatehouse schema for MySQL 8 / MariaDB 10.6+, for DBAs who apply it by hand (then start Gatehouse with
-- GATEHOUSE_DB_MIGRATE=false). Generated from src/main/resources/db/migration/mysql with the default table prefix
-- gatehouse_; SchemaSqlTest fails when the two drift apart. For another prefix, replace gatehouse_ throughout.

-- ---- V1__initial_schema.sql
-- Gatehouse schema, version 1 (MySQL 8 / MariaDB 10.6+). gatehouse_ is the configured table prefix.
-- Times are epoch milliseconds (BIGINT). Secrets, codes and tokens are stored only as SHA-256 hashes (CHAR(64) hex)
-- and looked up by that one indexed column. utf8mb4_bin: identifiers and redirect URIs compare exactly.

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
  UNIQUE KEY gatehouse_users_username (username)
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
  PRIMARY KEY (id),
  KEY gatehouse_codes_grant (grant_id),
  KEY gatehouse_codes_expires (expires_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE gatehouse_access_tokens (
  id         CHAR(64)      CHARACTER SET ascii NOT NULL,
  grant_id   CHAR(36)      CHARACTER SET ascii NOT NULL,
  client_id  VARCHAR(128)  NOT NULL,
  subject    VARCHAR(190)  NULL,
  scopes     VARCHAR(2000) NOT NULL,
  issued_at  BIGINT        NOT NULL,
  expires_at BIGINT        NOT NULL,
  revoked_at BIGINT        NULL,
  PRIMARY KEY (id),
  KEY gatehouse_access_grant (grant_id),
  KEY gatehouse_access_expires (expires_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

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
  PRIMARY KEY (id),
  KEY gatehouse_refresh_grant (grant_id),
  KEY gatehouse_refresh_expires (expires_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

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
  PRIMARY KEY (id),
  KEY gatehouse_grants_subject (subject),
  KEY gatehouse_grants_client (client_id),
  KEY gatehouse_grants_expires (expires_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
-- ---- V4__signing_keys.sql
-- Version 4: the signing keys of ID tokens and JWT access tokens, and a lock row for their rotation.
-- private_jwk is a JWE (dir, A256GCM) under the key-encryption key from configuration: the database never holds a
-- private key in plaintext, nor the key that decrypts it. A key is published from its creation, signs from
-- activates_at until its successor activates (retired_at), and is deleted after published_until, when every token
-- it signed has expired.
CREATE TABLE gatehouse_signing_keys (
  kid             VARCHAR(64)   CHARACTER SET ascii NOT NULL,
  alg             VARCHAR(16)   CHARACTER SET ascii NOT NULL,
  public_jwk      TEXT          NOT NULL,
  private_jwk     TEXT          CHARACTER SET ascii NOT NULL,
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
