/**
 * Resource indicators (RFC 8707): which protected resources an access token is for, its audience.
 *
 * <p><b>Rule:</b> the operator registers, per client, the resource URIs it may ask tokens for ({@code
 * allowed_resources}); a request names some of them with {@code resource}, and anything else is {@code
 * invalid_target}. What the authorization endpoint granted is bound to the code and to the grant's refresh tokens; a
 * token request may narrow it, never widen it. A token whose request named no resource has the configured default
 * audience, as before resource indicators.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8707">RFC 8707</a>
 */
package dev.gatehouse.protocol.resource;
