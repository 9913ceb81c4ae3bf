/**
 * Token revocation: an authenticated client invalidates an access or refresh token that was issued to it.
 *
 * <p><b>Rule:</b> revocation is idempotent and silent about invalid tokens: an unknown, malformed, expired or already
 * revoked token changes nothing and raises nothing, so the endpoint answers 200 either way. The only error is a token
 * issued to another client ({@code unauthorized_client}). A refresh token revokes its whole grant through {@link
 * dev.gatehouse.protocol.store.GrantRevoker}; an access token revokes only itself, with the atomic {@link
 * dev.gatehouse.protocol.store.AccessTokenStore#revoke}.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7009">RFC 7009 - OAuth 2.0 Token Revocation</a>
 */
package dev.gatehouse.protocol.revoke;
