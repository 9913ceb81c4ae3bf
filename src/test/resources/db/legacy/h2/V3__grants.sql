-- Version 3: grants. A grant is the authorization a user gave a client; its code, access and refresh tokens carry its
-- id. A refresh and a revocation both lock the grant row first, so they never interleave: a token issued by a refresh
-- that raced a revocation cannot outlive it.
CREATE TABLE ${prefix}grants (
  id         CHAR(36)      NOT NULL,
  client_id  VARCHAR(128)  NOT NULL,
  subject    VARCHAR(190)  NOT NULL,
  scopes     VARCHAR(2000) NOT NULL,
  created_at BIGINT        NOT NULL,
  expires_at BIGINT        NOT NULL,
  revoked_at BIGINT        NULL,
  PRIMARY KEY (id)
);
CREATE INDEX ${prefix}grants_subject ON ${prefix}grants (subject);
CREATE INDEX ${prefix}grants_client ON ${prefix}grants (client_id);
CREATE INDEX ${prefix}grants_expires ON ${prefix}grants (expires_at);
