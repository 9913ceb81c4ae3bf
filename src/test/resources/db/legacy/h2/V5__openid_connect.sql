-- Version 5: OpenID Connect.

-- The built-in user store keeps the standard claims that the profile, email, phone and address scopes release
-- (OpenID Connect Core §5.1, §5.4). address is the JSON object of §5.1.1; the *_verified flags say whether the
-- operator checked the value, and are false unless set.
ALTER TABLE ${prefix}users ADD COLUMN given_name VARCHAR(200) NULL;
ALTER TABLE ${prefix}users ADD COLUMN family_name VARCHAR(200) NULL;
ALTER TABLE ${prefix}users ADD COLUMN email_verified BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE ${prefix}users ADD COLUMN phone_number VARCHAR(64) NULL;
ALTER TABLE ${prefix}users ADD COLUMN phone_number_verified BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE ${prefix}users ADD COLUMN locale VARCHAR(35) NULL;
ALTER TABLE ${prefix}users ADD COLUMN zoneinfo VARCHAR(64) NULL;
ALTER TABLE ${prefix}users ADD COLUMN address TEXT NULL;

-- Client registration fields of OpenID Connect Dynamic Client Registration §2 and its logout specifications, and the
-- access-token format (opaque, or a signed JWT per RFC 9068). post_logout_redirect_uris: one per line, like
-- redirect_uris.
ALTER TABLE ${prefix}clients ADD COLUMN id_token_signed_response_alg VARCHAR(10) NOT NULL DEFAULT 'RS256';
ALTER TABLE ${prefix}clients ADD COLUMN access_token_format VARCHAR(10) NOT NULL DEFAULT 'opaque';
ALTER TABLE ${prefix}clients ADD COLUMN post_logout_redirect_uris TEXT NULL;
ALTER TABLE ${prefix}clients ADD COLUMN backchannel_logout_uri VARCHAR(2000) NULL;

-- SSO sessions (OpenID Connect Session Management's "OP session"), kept server-side so that they work across a
-- cluster and survive restarts. id is the SHA-256 of the browser's cookie value (the cookie itself is never stored);
-- sid is the public session id of ID and logout tokens. A session ends at the earlier of last_seen_at + the idle
-- lifetime and created_at + the absolute lifetime; expires_at holds that instant and moves as the session is used.
CREATE TABLE ${prefix}sessions (
  id           CHAR(64)     NOT NULL,
  sid          CHAR(36)     NOT NULL,
  subject      VARCHAR(190) NOT NULL,
  username     VARCHAR(190) NOT NULL,
  auth_time    BIGINT       NOT NULL,
  created_at   BIGINT       NOT NULL,
  last_seen_at BIGINT       NOT NULL,
  expires_at   BIGINT       NOT NULL,
  ended_at     BIGINT       NULL,
  PRIMARY KEY (id),
  CONSTRAINT ${prefix}sessions_sid UNIQUE (sid)
);
CREATE INDEX ${prefix}sessions_subject ON ${prefix}sessions (subject);
CREATE INDEX ${prefix}sessions_expires ON ${prefix}sessions (expires_at);

-- The clients a session signed in to: who is told when it ends (Back-Channel Logout 1.0).
CREATE TABLE ${prefix}session_clients (
  sid        CHAR(36)     NOT NULL,
  client_id  VARCHAR(128) NOT NULL,
  created_at BIGINT       NOT NULL,
  PRIMARY KEY (sid, client_id)
);

-- The session a code was issued in, and the grant it opened: ID tokens carry it as sid, and ending the session
-- revokes its grants (except offline_access ones, which are meant to outlive it: OpenID Connect Core §11).
ALTER TABLE ${prefix}authorization_codes ADD COLUMN session_id CHAR(36) NULL;
ALTER TABLE ${prefix}grants ADD COLUMN session_id CHAR(36) NULL;
CREATE INDEX ${prefix}grants_session ON ${prefix}grants (session_id);
