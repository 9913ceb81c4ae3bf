package dev.gatehouse.application.oauth;

import dev.gatehouse.protocol.authorize.AuthorizationCodeIssuer;
import dev.gatehouse.protocol.authorize.AuthorizationRequestValidator;
import dev.gatehouse.protocol.authorize.SealedRequests;
import dev.gatehouse.protocol.client.ClientAuthenticator;
import dev.gatehouse.protocol.logout.LogoutTokens;
import dev.gatehouse.protocol.oidc.IdTokenHints;
import dev.gatehouse.protocol.oidc.GroupsAndRoles;
import dev.gatehouse.protocol.oidc.IdTokenIssuer;
import dev.gatehouse.protocol.grant.AuthorizationCodeGrantHandler;
import dev.gatehouse.protocol.grant.ClientCredentialsGrantHandler;
import dev.gatehouse.protocol.introspect.TokenIntrospector;
import dev.gatehouse.protocol.jose.JwtSigner;
import dev.gatehouse.protocol.login.LoginThrottle;
import dev.gatehouse.protocol.revoke.TokenRevocation;
import dev.gatehouse.protocol.store.GrantStore;
import dev.gatehouse.protocol.store.GrantTokens;
import dev.gatehouse.protocol.store.UserDirectory;
import dev.gatehouse.protocol.grant.GrantHandlers;
import dev.gatehouse.protocol.grant.RefreshTokenGrantHandler;
import dev.gatehouse.protocol.grant.SessionBoundRefresh;
import dev.gatehouse.protocol.store.AccessTokenStore;
import dev.gatehouse.protocol.store.AuthorizationCodeStore;
import dev.gatehouse.protocol.store.ClientStore;
import dev.gatehouse.protocol.store.RefreshTokenStore;
import dev.gatehouse.protocol.store.SsoSessionStore;
import dev.gatehouse.protocol.token.JwtAccessTokens;
import dev.gatehouse.protocol.token.TokenIssuer;
import dev.gatehouse.protocol.token.TokenSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import dev.gatehouse.infrastructure.config.GatehouseConfig;
import dev.gatehouse.infrastructure.directory.LdapSettings;
import dev.gatehouse.application.keys.SigningKeys;

/**
 * Wires the container-free protocol objects to their ports (the JPA stores) and the clock. The protocol never looks
 * anything up; everything arrives through its constructors from here.
 */
@ApplicationScoped
public class ProtocolProducers {

  @Inject GatehouseConfig config;
  @Inject ClientStore clients;
  @Inject AuthorizationCodeStore codes;
  @Inject AccessTokenStore accessTokens;
  @Inject RefreshTokenStore refreshTokens;
  @Inject DeferredGrantRevoker revoker;
  @Inject RefreshingUsers refreshingUsers;
  @Inject SsoSessionStore sessions;
  @Inject GrantTokens grantTokens;
  @Inject GrantStore grants;
  @Inject UserDirectory users;
  @Inject JwtSigner signer;
  @Inject LdapSettings ldap;

  @Produces
  Clock clock() {
    return Clock.systemUTC();
  }

  /**
   * The signer over this node's signing keys ({@link SigningKeys}): {@code @Inject JwtSigner}. Application-scoped,
   * so the keys are looked up at the first call, after start-up has loaded them.
   */
  @Produces
  @ApplicationScoped
  JwtSigner jwtSigner(SigningKeys keys) {
    return keys.signer();
  }

  /**
   * Seals authorization requests that wait for sign-in or consent, so that the browser carries them (no server
   * state for anonymous requests), under a key derived from the key-encryption key (the same on every node).
   */
  @Produces
  @Singleton
  SealedRequests sealedRequests(SigningKeys keys, Clock clock) {
    return new SealedRequests(keys.derivedKey("pending authorization requests v1"), clock);
  }

  @Produces
  LoginThrottle loginThrottle(Clock clock) {
    return new LoginThrottle(config.throttleSettings(), clock);
  }

  @Produces
  TokenSettings tokenSettings() {
    return config.tokenSettings();
  }

  @Produces
  ClientAuthenticator clientAuthenticator() {
    return new ClientAuthenticator(clients);
  }

  @Produces
  AuthorizationRequestValidator authorizationRequestValidator(IdTokenHints hints) {
    return new AuthorizationRequestValidator(clients, hints);
  }

  @Produces
  AuthorizationCodeIssuer authorizationCodeIssuer(Clock clock) {
    return new AuthorizationCodeIssuer(codes, config.tokenSettings(), clock);
  }

  /** Signs the logout tokens of back-channel logout. */
  @Produces
  LogoutTokens logoutTokens(Clock clock) {
    return new LogoutTokens(signer, config.issuer(), clock);
  }

  /** Verifies id_token_hint values, at the authorization and end-session endpoints. */
  @Produces
  IdTokenHints idTokenHints() {
    return new IdTokenHints(signer, config.issuer(), clients);
  }

  /** The groups and roles claims, bounded by {@code GATEHOUSE_LDAP_MAX_GROUPS}. */
  @Produces
  GroupsAndRoles groupsAndRoles() {
    return new GroupsAndRoles(ldap.maxGroups());
  }

  @Produces
  TokenIntrospector tokenIntrospector(Clock clock) {
    return new TokenIntrospector(accessTokens, refreshTokens, users, config.issuer(), config.jwtAccessTokenAudience(),
        clock, clients, groupsAndRoles());
  }

  /** Revocation revokes a refresh token's grant inside its own transaction (RFC 7009 §2.1). */
  @Produces
  TokenRevocation tokenRevocation(Clock clock) {
    return new TokenRevocation(accessTokens, refreshTokens, grantTokens::revokeGrant, clock);
  }

  /** The one list of enabled grants (RFC 6749 §4.1, §4.4 and §6). */
  @Produces
  GrantHandlers grantHandlers(Clock clock) {
    TokenSettings settings = config.tokenSettings();
    GroupsAndRoles groupsAndRoles = groupsAndRoles();
    IdTokenIssuer idTokens =
        new IdTokenIssuer(signer, users, config.issuer(), config.idTokenTtl(), clock, groupsAndRoles);
    JwtAccessTokens jwtAccessTokens = new JwtAccessTokens(signer, config.issuer(), config.jwtAccessTokenAudience(),
        users, groupsAndRoles);
    TokenIssuer issuer = new TokenIssuer(accessTokens, refreshTokens, settings, clock, idTokens, jwtAccessTokens);
    return new GrantHandlers(List.of(
        new AuthorizationCodeGrantHandler(codes, grants, revoker, issuer, settings, refreshingUsers, clock),
        new RefreshTokenGrantHandler(refreshTokens, grants, revoker, issuer, settings,
            new SessionBoundRefresh(grants, sessions, config.sessionLifetimes()), refreshingUsers, clock),
        new ClientCredentialsGrantHandler(issuer)));
  }
}
