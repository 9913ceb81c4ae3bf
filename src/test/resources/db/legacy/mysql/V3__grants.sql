-- Version 3: grants. A grant is the authorization a user gave a client; its code, access and refresh tokens carry its
-- id. A refresh and a revocation both lock the grant row first, so they never interleave: a token issued by a refresh
-- that raced a revocation cannot outlive it.
CREATE TABLE ${prefix}grants (
  id         CHAR(36)      CHARACTER SET ascii NOT NULL,
  client_id  VARCHAR(128)  NOT NULL,
  subject    VARCHAR(190)  NOT NULL,
  scopes     VARCHAR(2000) NOT NULL,
  created_at BIGINT        NOT NULL,
  expires_at BIGINT        NOT NULL,
  revoked_at BIGINT        NULL,
  PRIMARY KEY (id),
  KEY ${prefix}grants_subject (subject),
  KEY ${prefix}grants_client (client_id),
  KEY ${prefix}grants_expires (expires_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
