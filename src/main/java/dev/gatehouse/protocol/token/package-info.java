/**
 * Token issuance: opaque access and refresh tokens, their lifetimes, and the response the token endpoint returns.
 *
 * <p><b>Rule:</b> tokens are 256-bit random values handed to the client exactly once, in the {@link
 * dev.gatehouse.protocol.token.TokenResponse}; the stores only ever see their SHA-256 hash ({@link
 * dev.gatehouse.protocol.token.TokenHash}). No {@code toString()} in this package reveals a token value.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-5.1">RFC 6749 §5.1</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-10.3">RFC 6749 §10.3</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-10.4">RFC 6749 §10.4</a>
 */
package dev.gatehouse.protocol.token;
