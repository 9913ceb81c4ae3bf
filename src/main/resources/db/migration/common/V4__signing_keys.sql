-- Version 4: the signing keys of ID tokens and JWT access tokens, and a lock row for their rotation.
-- private_jwk is a JWE (dir, A256GCM) under the key-encryption key from configuration: the database never holds a
-- private key in plaintext, nor the key that decrypts it. A key is published from its creation, signs from
-- activates_at until its successor activates (retired_at), and is deleted after published_until, when every token
-- it signed has expired. jwk_text: TEXT on MySQL, VARCHAR(8000) on H2.
CREATE TABLE ${prefix}signing_keys (
  kid             VARCHAR(64)   ${ascii} NOT NULL,
  alg             VARCHAR(16)   ${ascii} NOT NULL,
  public_jwk      ${jwk_text} NOT NULL,
  private_jwk     ${jwk_text} ${ascii} NOT NULL,
  created_at      BIGINT        NOT NULL,
  activates_at    BIGINT        NOT NULL,
  retired_at      BIGINT        NULL,
  published_until BIGINT        NULL,
  PRIMARY KEY (kid)
) ${table_options};

-- One row per cluster-wide job that must not run twice at once. A node locks its row (SELECT ... FOR UPDATE) before
-- it creates, retires or deletes a signing key, and reads the keys again under the lock.
CREATE TABLE ${prefix}locks (
  name VARCHAR(64) ${ascii} NOT NULL,
  PRIMARY KEY (name)
) ${table_options};
INSERT INTO ${prefix}locks (name) VALUES ('signing-keys');
