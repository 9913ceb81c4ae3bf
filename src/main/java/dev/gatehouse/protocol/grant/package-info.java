/**
 * Token endpoint grants: one handler class per grant type, and one registry.
 *
 * <p><b>Rule:</b> {@link dev.gatehouse.protocol.grant.GrantHandlers} is the one list of enabled grants. Each {@code
 * XxxGrantHandler} holds every check of its grant (for the code grant: single use, expiry, client binding, redirect URI
 * and PKCE) and reads as numbered steps, each with the RFC sentence it enforces. Handlers receive an already
 * authenticated client, never manage transactions, and signal failure only with {@link
 * dev.gatehouse.protocol.error.OAuthException}. Replay and reuse revoke the whole grant through {@link
 * dev.gatehouse.protocol.store.GrantRevoker} before the error is thrown. The code grant opens the grant ({@link
 * dev.gatehouse.protocol.store.GrantStore#open}) once every check has passed; the refresh grant locks it ({@link
 * dev.gatehouse.protocol.store.GrantStore#holdActive}) before it judges the token, the lock a revocation takes first,
 * so a refresh and a revocation of one grant never interleave. A refresh also looks again at what its grant rests on,
 * the user ({@link dev.gatehouse.protocol.store.ResourceOwnerStatus}) and, for a grant without {@code offline_access},
 * its SSO session ({@link dev.gatehouse.protocol.grant.SessionBoundRefresh}); either gone revokes the grant. Each
 * handler declares the parameters it reads ({@link dev.gatehouse.protocol.grant.GrantHandler#parameters()}), and
 * {@link dev.gatehouse.protocol.grant.GrantHandlers#parse} reads those and no others, so a parameter of another grant
 * can never reach a handler (RFC 6749 §3.2).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-4.1.3">RFC 6749 §4.1.3</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-6">RFC 6749 §6</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-4.4">RFC 6749 §4.4</a>
 */
package dev.gatehouse.protocol.grant;
