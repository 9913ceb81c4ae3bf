-- Gatehouse schema, version 1 (MySQL 8 / MariaDB 10.6+). ${prefix} is the configured table prefix.
-- Times are epoch milliseconds (BIGINT). Secrets, codes and tokens are stored only as SHA-256 hashes (CHAR(64) hex)
-- and looked up by that one indexed column. utf8mb4_bin: identifiers and redirect URIs compare exactly.

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
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE ${prefix}users (
  id            CHAR(36)     NOT NULL,
  username      VARCHAR(190) NOT NULL,
  password_hash VARCHAR(300) NOT NULL,
  name          VARCHAR(200) NULL,
  email         VARCHAR(254) NULL,
  created_at    BIGINT       NOT NULL,
  updated_at    BIGINT       NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY ${prefix}users_username (username)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE ${prefix}authorization_codes (
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
  KEY ${prefix}codes_grant (grant_id),
  KEY ${prefix}codes_expires (expires_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE ${prefix}access_tokens (
  id         CHAR(64)      CHARACTER SET ascii NOT NULL,
  grant_id   CHAR(36)      CHARACTER SET ascii NOT NULL,
  client_id  VARCHAR(128)  NOT NULL,
  subject    VARCHAR(190)  NULL,
  scopes     VARCHAR(2000) NOT NULL,
  issued_at  BIGINT        NOT NULL,
  expires_at BIGINT        NOT NULL,
  revoked_at BIGINT        NULL,
  PRIMARY KEY (id),
  KEY ${prefix}access_grant (grant_id),
  KEY ${prefix}access_expires (expires_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE ${prefix}refresh_tokens (
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
  KEY ${prefix}refresh_grant (grant_id),
  KEY ${prefix}refresh_expires (expires_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE ${prefix}consents (
  subject    VARCHAR(190)  NOT NULL,
  client_id  VARCHAR(128)  NOT NULL,
  scopes     VARCHAR(2000) NOT NULL,
  granted_at BIGINT        NOT NULL,
  PRIMARY KEY (subject, client_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
