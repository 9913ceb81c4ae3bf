-- Version 13: per-client access policy and first-party clients, registered by the operator only.
-- allowed_roles, allowed_groups: the roles and directory group names a user needs one of to use the client, one per
-- line (a role or group name holds no line break); NULL for none (both NULL: everyone, as before). first_party: the
-- client is the operator's own application, and its users are not shown the consent page.
ALTER TABLE ${prefix}clients ADD COLUMN allowed_roles TEXT NULL;
ALTER TABLE ${prefix}clients ADD COLUMN allowed_groups TEXT NULL;
ALTER TABLE ${prefix}clients ADD COLUMN first_party BOOLEAN NOT NULL DEFAULT FALSE;
-- directory_groups: a directory user's groups as its directory last gave them (at sign-in and at each refresh), a
-- sorted JSON array of names (a name may hold spaces), for the access policies; NULL for none and for users of the
-- built-in store.
ALTER TABLE ${prefix}users ADD COLUMN directory_groups TEXT NULL;
