/**
 * The error catalogue of the protocol.
 *
 * <p><b>Rule:</b> every expected failure is an {@link dev.gatehouse.protocol.error.OAuthException} carrying one
 * registered {@link dev.gatehouse.protocol.error.OAuthErrorCode}. The public {@code error_description} is a short, fixed
 * literal that never echoes request input; the specific reason goes into {@code detail}, which is for the server log
 * only and must never contain a token, code, verifier or secret. No code anywhere branches on a message text.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-5.2">RFC 6749 §5.2</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2.1">RFC 6749 §4.1.2.1</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6750#section-3.1">RFC 6750 §3.1</a>
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#AuthError">OpenID Connect Core §3.1.2.6</a>
 */
package dev.gatehouse.protocol.error;
