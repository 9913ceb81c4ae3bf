/**
 * Gatehouse's signing keys and the JWTs signed with them, with Nimbus JOSE+JWT for every JOSE operation (no
 * hand-written JOSE).
 *
 * <p><b>Rules:</b> the private keys exist in plaintext only in memory ({@link dev.gatehouse.protocol.jose.SigningKeyRing});
 * at rest they are JWEs under the key-encryption key from configuration ({@link
 * dev.gatehouse.protocol.jose.PrivateKeyCipher}). What signs and what is published is a pure function of the stored
 * keys and the clock ({@link dev.gatehouse.protocol.jose.KeyRotationPolicy}), so every node that reads the same table
 * decides the same. The JWKS carries public keys only. No message, exception or {@code toString()} here shows key
 * material. Like the rest of the protocol, this package is plain Java (plus Nimbus): storage through {@link
 * dev.gatehouse.protocol.jose.SigningKeyStore}, time through an injected clock, no logging, no transactions.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7515">RFC 7515 (JWS)</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7517">RFC 7517 (JWK)</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7518">RFC 7518 (JWA)</a>
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#RotateSigKeys">OIDC Core §10.1.1</a>
 */
package dev.gatehouse.protocol.jose;
