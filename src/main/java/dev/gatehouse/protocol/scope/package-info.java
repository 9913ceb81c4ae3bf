/**
 * Scope syntax and scope arithmetic.
 *
 * <p><b>Rule:</b> a scope value is parsed once, strictly, into an unmodifiable sorted set; malformed syntax or a scope
 * outside what is allowed is {@code invalid_scope}. Scopes are only ever narrowed, never widened, as a request moves
 * from client registration to consent to refresh.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-3.3">RFC 6749 §3.3</a>
 */
package dev.gatehouse.protocol.scope;
