/**
 * Small, stateless primitives shared by the protocol: constant-time comparison, random tokens, SHA-256 and strict
 * {@code application/x-www-form-urlencoded} coding.
 *
 * <p><b>Rule:</b> every secret comparison goes through {@link dev.gatehouse.protocol.support.ConstantTime}; every
 * token, code and secret comes from {@link dev.gatehouse.protocol.support.RandomTokens} (256 bits); nothing here holds
 * state other than the one shared {@link java.security.SecureRandom}, and nothing here logs.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-10.10">RFC 6749 §10.10 (credentials-guessing attacks)</a>
 */
package dev.gatehouse.protocol.support;
