-- Version 13: the groups and roles claims. directory_groups: a directory user's groups as the directory last gave
-- them (at the sign-in, then at every refresh), a sorted JSON array of names (a name may hold spaces), at most
-- GATEHOUSE_LDAP_MAX_GROUPS of them; NULL for none. It is kept on the user, not on each grant, so a refresh that reads
-- the directory again changes what every later token says. groups_claim_name and roles_claim_name: the names a
-- client's tokens carry those claims under; NULL for the defaults, groups and roles.
ALTER TABLE ${prefix}users ADD COLUMN directory_groups TEXT NULL;
ALTER TABLE ${prefix}clients ADD COLUMN groups_claim_name VARCHAR(255) NULL;
ALTER TABLE ${prefix}clients ADD COLUMN roles_claim_name VARCHAR(255) NULL;
