-- Version 7: sign-in protection. Failed sign-ins counted per account and per client address, shared by every node and
-- kept across restarts. id is the SHA-256 (hex) of the kind and the normalized username or address: the table is never
-- a list of what people typed as their username. Times are epoch milliseconds; locked_until is 0 when never locked.
-- expires_at is when the row stops mattering (its window is over and it is not locked): the purge deletes it then.
CREATE TABLE ${prefix}login_failures (
  id            CHAR(64)    CHARACTER SET ascii NOT NULL,
  kind          VARCHAR(16) CHARACTER SET ascii NOT NULL,
  failures      INT         NOT NULL,
  window_start  BIGINT      NOT NULL,
  locked_until  BIGINT      NOT NULL,
  lockouts      INT         NOT NULL,
  expires_at    BIGINT      NOT NULL,
  PRIMARY KEY (id),
  KEY ${prefix}login_failures_expiry (expires_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
