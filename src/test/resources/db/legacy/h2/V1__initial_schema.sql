-- Gatehouse schema, version 1 (H2, the embedded default). ${prefix} is the configured table prefix.
-- Times are epoch milliseconds (BIGINT). Secrets, codes and tokens are stored only as SHA-256 hashes (CHAR(64) hex)
-- and looked up by that one indexed column. H2 compares strings exactly.

CREATE TABLE ${prefix}clients (
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
);

CREATE TABLE ${prefix}users (
  id            CHAR(36)     NOT NULL,
  username      VARCHAR(190) NOT NULL,
  password_hash VARCHAR(300) NOT NULL,
  name          VARCHAR(200) NULL,
  email         VARCHAR(254) NULL,
  created_at    BIGINT       NOT NULL,
  updated_at    BIGINT       NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT ${prefix}users_username UNIQUE (username)
);

CREATE TABLE ${prefix}authorization_codes (
  id             CHAR(64)      NOT NULL,
  grant_id       CHAR(36)      NOT NULL,
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
);
CREATE INDEX ${prefix}codes_grant ON ${prefix}authorization_codes (grant_id);
CREATE INDEX ${prefix}codes_expires ON ${prefix}authorization_codes (expires_at);

CREATE TABLE ${prefix}access_tokens (
  id         CHAR(64)      NOT NULL,
  grant_id   CHAR(36)      NOT NULL,
  client_id  VARCHAR(128)  NOT NULL,
  subject    VARCHAR(190)  NULL,
  scopes     VARCHAR(2000) NOT NULL,
  issued_at  BIGINT        NOT NULL,
  expires_at BIGINT        NOT NULL,
  revoked_at BIGINT        NULL,
  PRIMARY KEY (id)
);
CREATE INDEX ${prefix}access_grant ON ${prefix}access_tokens (grant_id);
CREATE INDEX ${prefix}access_expires ON ${prefix}access_tokens (expires_at);

CREATE TABLE ${prefix}refresh_tokens (
  id         CHAR(64)      NOT NULL,
  grant_id   CHAR(36)      NOT NULL,
  client_id  VARCHAR(128)  NOT NULL,
  subject    VARCHAR(190)  NOT NULL,
  scopes     VARCHAR(2000) NOT NULL,
  auth_time  BIGINT        NULL,
  issued_at  BIGINT        NOT NULL,
  expires_at BIGINT        NOT NULL,
  rotated_at BIGINT        NULL,
  revoked_at BIGINT        NULL,
  PRIMARY KEY (id)
);
CREATE INDEX ${prefix}refresh_grant ON ${prefix}refresh_tokens (grant_id);
CREATE INDEX ${prefix}refresh_expires ON ${prefix}refresh_tokens (expires_at);

CREATE TABLE ${prefix}consents (
  subject    VARCHAR(190)  NOT NULL,
  client_id  VARCHAR(128)  NOT NULL,
  scopes     VARCHAR(2000) NOT NULL,
  granted_at BIGINT        NOT NULL,
  PRIMARY KEY (subject, client_id)
);
