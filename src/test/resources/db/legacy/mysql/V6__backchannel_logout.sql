-- Version 6: OpenID Connect Back-Channel Logout 1.0. The notifications a logout owes the clients of the ended session
-- (an outbox): written in the logout's transaction, sent after it commits, retried with back-off until delivered or
-- out of attempts. finished_at is set then, and the purge deletes the row after the retention.
CREATE TABLE ${prefix}logout_deliveries (
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
  PRIMARY KEY (id),
  KEY ${prefix}logout_due (next_attempt_at),
  KEY ${prefix}logout_finished (finished_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- A client that registered itself (RFC 7591) rather than being registered by the operator: its back-channel URI may
-- not point at internal addresses unless the operator allows it (GATEHOUSE_DYNAMIC_CLIENTS_MAY_CALL_INTERNAL).
ALTER TABLE ${prefix}clients ADD COLUMN dynamically_registered BOOLEAN NOT NULL DEFAULT FALSE;
