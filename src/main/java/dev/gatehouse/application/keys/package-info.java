/**
 * This node's signing keys: created at first start, rotated on a timer, kept decrypted in memory under the
 * key-encryption key, and what {@code @Inject JwtSigner} signs with ({@link dev.gatehouse.application.keys.SigningKeys});
 * {@link dev.gatehouse.application.keys.SigningKeyTransactions} holds the key rows' transactions.
 *
 * <p>Port used: {@code protocol.store.SigningKeyStore}; rules from {@code protocol.jose}.
 */
package dev.gatehouse.application.keys;
