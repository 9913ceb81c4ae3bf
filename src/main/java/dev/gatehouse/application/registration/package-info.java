/**
 * OAuth 2.0 Dynamic Client Registration (RFC 7591) and its management protocol (RFC 7592), behind its settings.
 *
 * <p>Ports used: {@code protocol.store.ClientStore} and the client registrations; the rules are {@code
 * protocol.registration}'s.
 */
package dev.gatehouse.application.registration;
