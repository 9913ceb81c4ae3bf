/**
 * The LDAP adapter: JNDI searches and binds against OpenLDAP or Active Directory ({@link
 * dev.gatehouse.infrastructure.directory.LdapDirectory}, with every filter value escaped by {@link
 * dev.gatehouse.infrastructure.directory.LdapFilter}), its settings, what an entry says about its user ({@link
 * dev.gatehouse.infrastructure.directory.DirectoryProfile}), and whether the directory answers ({@link
 * dev.gatehouse.infrastructure.directory.DirectoryHealth}). Nothing here decides who may sign in.
 */
package dev.gatehouse.infrastructure.directory;
