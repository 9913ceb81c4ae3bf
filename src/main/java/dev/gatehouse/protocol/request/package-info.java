/**
 * Parsing of HTTP request parameters into immutable values, done once at the edge.
 *
 * <p><b>Rule:</b> a parameter sent without a value is treated as omitted, a parameter the protocol reads may appear at
 * most once ({@code invalid_request} otherwise), and unknown parameters are ignored. Malformed input only ever produces
 * an {@link dev.gatehouse.protocol.error.OAuthException} with {@code invalid_request}, never another exception.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-3.1">RFC 6749 §3.1</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-3.2">RFC 6749 §3.2</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#appendix-B">RFC 6749 Appendix B</a>
 */
package dev.gatehouse.protocol.request;
