/**
 * Token issuance: opaque access and refresh tokens, their lifetimes, and the response the token endpoint returns; and
 * the lookup of a token presented back to the server for introspection or revocation.
 *
 * <p><b>Rule:</b> tokens are 256-bit random values handed to the client exactly once, in the {@link
 * dev.gatehouse.protocol.token.TokenResponse}; the stores only ever see their SHA-256 hash ({@link
 * dev.gatehouse.protocol.token.TokenHash}). A presented token is looked up only by that hash, through {@link
 * dev.gatehouse.protocol.token.TokenLookup}, which refuses values that cannot be ours before any store is asked and
 * treats {@code token_type_hint} as an ordering, never as a filter. No {@code toString()} in this package reveals a
 * token value.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-5.1">RFC 6749 §5.1</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-10.3">RFC 6749 §10.3</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-10.4">RFC 6749 §10.4</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7009#section-2.1">RFC 7009 §2.1 (token_type_hint)</a>
 */
package dev.gatehouse.protocol.token;
