/**
 * Single sign-on sessions and logout: starting, re-authenticating and ending an SSO session, and OpenID Connect
 * Back-Channel Logout 1.0 deliveries from the outbox ({@link dev.gatehouse.application.session.BackchannelLogout}
 * sends, {@link dev.gatehouse.application.session.LogoutDeliveries} holds each step's short transaction).
 *
 * <p>Ports used: {@code protocol.store.SsoSessionStore}, {@code protocol.store.LogoutDeliveryStore}; adapter used:
 * {@code infrastructure.http} for the notifications.
 */
package dev.gatehouse.application.session;
