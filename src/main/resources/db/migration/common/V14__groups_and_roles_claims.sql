-- Version 14: the groups and roles claims. Their groups are the users' directory_groups of version 13, every group
-- the directory gave (the claim carries at most GATEHOUSE_LDAP_MAX_GROUPS of them; the bound is applied where it is
-- released, not here). groups_claim_name and roles_claim_name: the names a client's tokens carry those claims under;
-- NULL for the defaults, groups and roles.
ALTER TABLE ${prefix}clients ADD COLUMN groups_claim_name VARCHAR(255) NULL;
ALTER TABLE ${prefix}clients ADD COLUMN roles_claim_name VARCHAR(255) NULL;
