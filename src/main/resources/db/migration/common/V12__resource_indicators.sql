-- Version 12: resource indicators (RFC 8707). allowed_resources: the resource URIs a client may ask access tokens for,
-- one per line, registered by the operator (NULL: none, every token has the default audience). resources: the ones a
-- code, access token or refresh token is for, sorted and space-separated (a URI holds no space); NULL for none.
ALTER TABLE ${prefix}clients ADD COLUMN allowed_resources TEXT NULL;
ALTER TABLE ${prefix}authorization_codes ADD COLUMN resources VARCHAR(2000) NULL;
ALTER TABLE ${prefix}access_tokens ADD COLUMN resources VARCHAR(2000) NULL;
ALTER TABLE ${prefix}refresh_tokens ADD COLUMN resources VARCHAR(2000) NULL;
