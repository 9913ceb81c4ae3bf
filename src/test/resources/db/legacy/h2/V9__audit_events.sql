-- Version 9: the audit trail. One row per security event (sign-in, lockout, consent, tokens issued, refreshed and
-- revoked, code or refresh-token replay, session end, administrative change), written once and never updated; the
-- same event is one JSON line of the log dev.gatehouse.audit, with the same id.
-- id: a time-ordered UUID (version 7), so rows are appended at the end of the key. occurred_at: epoch milliseconds.
-- No column holds a token, code, secret, password or a hash of one. username is the identity store's spelling of a
-- successful sign-in only; a failed one is named in details by account_key (8 hex digits of the SHA-256 of what was
-- typed, which may have been a password). actor: the user's subject or the client id that caused the event.
-- details: a small JSON object with fixed keys. The purge deletes rows older than GATEHOUSE_AUDIT_RETENTION through
-- the occurred_at index; the subject and client indexes list one user's or one client's events by time.
CREATE TABLE ${prefix}audit_events (
  id             CHAR(36)     NOT NULL,
  occurred_at    BIGINT       NOT NULL,
  event_type     VARCHAR(32)  NOT NULL,
  outcome        VARCHAR(16)  NOT NULL,
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
);
CREATE INDEX ${prefix}audit_events_time ON ${prefix}audit_events (occurred_at);
CREATE INDEX ${prefix}audit_events_subject ON ${prefix}audit_events (subject, occurred_at);
CREATE INDEX ${prefix}audit_events_client ON ${prefix}audit_events (client_id, occurred_at);
