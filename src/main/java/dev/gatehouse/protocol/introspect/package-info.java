/**
 * Token introspection: tells an authenticated client whether a token is active and, if so, what it carries.
 *
 * <p><b>Rule:</b> every token that is unknown, malformed, expired, revoked, rotated, or not the caller's to see gets
 * the same answer, {@link dev.gatehouse.protocol.introspect.Introspection#inactive()}, with no member other than {@code
 * active} and no hint of the reason; introspection never throws for a bad token. A client sees only the tokens issued
 * to it, unless it is registered as a resource server. Introspection only reads: it never changes a store.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7662">RFC 7662 - OAuth 2.0 Token Introspection</a>
 */
package dev.gatehouse.protocol.introspect;
