/**
 * Proof Key for Code Exchange, S256 only.
 *
 * <p><b>Rule:</b> the authorization endpoint accepts a {@code code_challenge} only with {@code
 * code_challenge_method=S256} (a missing method means {@code plain} and is refused); the token endpoint recomputes the
 * S256 challenge from the {@code code_verifier} and compares in constant time; a verifier sent for a code that had no
 * challenge is refused (downgrade). These checks are called from the authorization request validator and from the
 * authorization code grant handler, never from client authentication.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7636">RFC 7636</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9700#section-2.1.1">RFC 9700 §2.1.1</a>
 */
package dev.gatehouse.protocol.pkce;
