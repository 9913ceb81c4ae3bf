/**
 * The SSO session: one sign-in in a browser that every client of Gatehouse then shares, kept server-side with an idle
 * and an absolute lifetime, ended by logout.
 */
package dev.gatehouse.protocol.session;
