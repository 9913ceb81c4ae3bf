/**
 * Dynamic client registration: what a client that registers itself may ask for (RFC 7591), and the credentials that
 * guard the registration endpoints (the initial access token of RFC 7591 §3, the registration access token of
 * RFC 7592 §3).
 *
 * <p><b>Rule:</b> a self-registered client never gets more than the operator allows every such client: the configured
 * scopes and grant types, no {@code gatehouse:admin}, never a resource server, always rotating refresh tokens, and a
 * back-channel logout URI on its own redirect origin. Its metadata first passes the same checks as an operator's
 * registration; the rules here come on top. Credentials are random 256-bit values, stored only as SHA-256 hashes and
 * compared in constant time.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7591">RFC 7591</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7592">RFC 7592</a>
 */
package dev.gatehouse.protocol.registration;
