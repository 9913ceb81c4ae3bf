/**
 * The OAuth 2.1 and OpenID Connect use cases: authorization (the code and its consent), the token endpoint
 * ({@link dev.gatehouse.application.oauth.TokenEndpoint} before and after {@link
 * dev.gatehouse.application.oauth.TokenService}'s one REQUIRED transaction, in which a code is redeemed and its tokens
 * issued), introspection (RFC 7662), revocation (RFC 7009), UserInfo, client authentication, and the revocation of a
 * replayed code's grant. {@link dev.gatehouse.application.oauth.ProtocolProducers} wires the protocol objects to
 * their ports and the clock.
 *
 * <p>Ports used: {@code protocol.store} (clients, codes, access and refresh tokens, grants, consents, SSO sessions,
 * users). Owns no table of its own.
 */
package dev.gatehouse.application.oauth;
