/**
 * The OAuth 2.1 protocol core of Gatehouse: parsing, validation, grant handling and token issuance.
 *
 * <p><b>Rule:</b> this package tree is pure Java 17. It imports only {@code java.*}, its own packages and, for JOSE,
 * Nimbus JOSE+JWT: no {@code jakarta.*}, no {@code javax.*} but the JDK's {@code javax.crypto}, no JPA, servlet or
 * JAX-RS types, and nothing from {@code dev.gatehouse.application}, {@code dev.gatehouse.infrastructure} or {@code
 * dev.gatehouse.web}. Storage is reached through the ports in {@link dev.gatehouse.protocol.store}; time through an
 * injected {@link java.time.Clock}. The protocol layer never logs and never manages transactions: expected failures are
 * thrown as {@link dev.gatehouse.protocol.error.OAuthException} carrying a registered error code, and the caller
 * decides what to log and when to roll back. {@code dev.gatehouse.ArchitectureTest} enforces the rule on the compiled
 * classes.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749">RFC 6749 - The OAuth 2.0 Authorization Framework</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9700">RFC 9700 - Best Current Practice for OAuth 2.0 Security</a>
 */
package dev.gatehouse.protocol;
