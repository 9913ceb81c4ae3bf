/**
 * Administration, for the admin API and the console alike: clients, users, their grants, consents and sessions, and
 * who may administer ({@link dev.gatehouse.application.admin.AdminAuthorization}). Every change is recorded once, by
 * {@link dev.gatehouse.application.admin.AdminChanges}.
 *
 * <p>Ports used: the client, user and grant stores and the administration queries; rules from {@code protocol.admin}.
 */
package dev.gatehouse.application.admin;
