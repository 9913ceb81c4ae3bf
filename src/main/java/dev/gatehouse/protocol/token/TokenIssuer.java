package dev.gatehouse.protocol.token;

import dev.gatehouse.protocol.client.AccessTokenFormat;
import dev.gatehouse.protocol.client.Client;
import dev.gatehouse.protocol.oidc.IdTokenIssuer;
import dev.gatehouse.protocol.scope.Scopes;
import dev.gatehouse.protocol.store.AccessToken;
import dev.gatehouse.protocol.store.AccessTokenStore;
import dev.gatehouse.protocol.store.RefreshToken;
import dev.gatehouse.protocol.store.RefreshTokenStore;
import dev.gatehouse.protocol.support.RandomTokens;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Issues access tokens and, when asked, refresh tokens and ID tokens: generates 256-bit random values (or, for a
 * client registered for them, RFC 9068 JWT access tokens), stores only their hashes, and returns the plaintext values
 * once in the {@link TokenResponse}.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-5.1">RFC 6749 §5.1</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-10.10">RFC 6749 §10.10</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8707#section-2.2">RFC 8707 §2.2</a>
 */
public final class TokenIssuer {
  private final AccessTokenStore accessTokens;
  private final RefreshTokenStore refreshTokens;
  private final TokenSettings settings;
  private final Clock clock;
  private final IdTokenIssuer idTokens;
  private final JwtAccessTokens jwtAccessTokens;

  /** An issuer without signing keys: opaque access tokens only, no ID tokens, whatever the scope or client. */
  public TokenIssuer(
      AccessTokenStore accessTokens, RefreshTokenStore refreshTokens, TokenSettings settings, Clock clock) {
    this(accessTokens, refreshTokens, settings, clock, null, null);
  }

  /**
   * @param idTokens issues the ID token of a user's grant with the {@code openid} scope; {@code null} for none
   * @param jwtAccessTokens makes the access tokens of clients registered for JWTs (RFC 9068); {@code null} for opaque
   *     tokens only
   */
  public TokenIssuer(
      AccessTokenStore accessTokens,
      RefreshTokenStore refreshTokens,
      TokenSettings settings,
      Clock clock,
      IdTokenIssuer idTokens,
      JwtAccessTokens jwtAccessTokens) {
    this.accessTokens = Objects.requireNonNull(accessTokens, "accessTokens");
    this.refreshTokens = Objects.requireNonNull(refreshTokens, "refreshTokens");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.idTokens = idTokens;
    this.jwtAccessTokens = jwtAccessTokens;
  }

  /**
   * What a token may be used for: its scopes, and the resource indicators it is for (RFC 8707; none means the default
   * audience).
   */
  public record Rights(Set<String> scopes, Set<String> resources) {
    public Rights {
      scopes = Set.copyOf(scopes);
      resources = Set.copyOf(resources);
    }

    /** Rights for no particular resource. */
    public static Rights of(Set<String> scopes) {
      return new Rights(scopes, Set.of());
    }
  }

  /**
   * Issues what {@code request} asks for: an access token, a refresh token when it names the refresh token's rights,
   * and an ID token when it wants one, the access scopes contain {@code openid} and there is a user (OpenID Connect
   * Core §3.1.3.3: "an ID Token" in every successful token response of an OpenID Connect request).
   */
  public TokenResponse issue(IssueRequest request) {
    Objects.requireNonNull(request, "request");
    TokenResponse response = tokens(request);
    if (idTokens == null || !request.idToken() || request.subject().isEmpty()
        || !request.access().scopes().contains(IdTokenIssuer.OPENID)) {
      return response;
    }
    IdTokenIssuer.Authentication authentication = new IdTokenIssuer.Authentication(
        request.authTime().orElseThrow(), request.nonce(), request.sessionId());
    return response.withIdToken(idTokens.issue(request.client(), request.subject().get(), request.access().scopes(),
        authentication, response.accessToken()));
  }

  private TokenResponse tokens(IssueRequest request) {
    Client client = request.client();
    String subject = request.subject().orElse(null);
    Rights access = request.access();
    Instant authTime = request.authTime().orElse(null);
    String grantId = request.grantId();
    Instant now = clock.instant();
    Instant expiresAt = now.plus(settings.accessTokenTtl());
    String accessToken = jwtAccessTokens != null && client.oidc().accessTokenFormat() == AccessTokenFormat.JWT
        ? jwtAccessTokens.create(client, subject, access.scopes(), access.resources(), authTime, now, expiresAt)
        : RandomTokens.generate();
    accessTokens.save(
        new AccessToken(
            TokenHash.of(accessToken),
            grantId,
            client.clientId(),
            subject,
            access.scopes(),
            now,
            expiresAt,
            access.resources()));
    Optional<String> refreshToken = Optional.empty();
    if (request.refresh().isPresent()) {
      Rights refresh = request.refresh().get();
      String value = RandomTokens.generate();
      refreshTokens.save(
          new RefreshToken(
              TokenHash.of(value),
              grantId,
              client.clientId(),
              subject,
              refresh.scopes(),
              authTime,
              now,
              now.plus(settings.refreshTokenTtl()),
              null,
              null,
              refresh.resources()));
      refreshToken = Optional.of(value);
    }
    return new TokenResponse(
        accessToken,
        TokenResponse.BEARER,
        settings.accessTokenTtl().toSeconds(),
        refreshToken,
        Scopes.format(access.scopes()),
        grantId,
        subject);
  }
}
