package dev.gatehouse.protocol.token;

import dev.gatehouse.protocol.client.Client;
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
 * Issues opaque access tokens and, when asked, refresh tokens: generates 256-bit random values, stores only their
 * hashes, and returns the plaintext values once in the {@link TokenResponse}.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-5.1">RFC 6749 §5.1</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-10.10">RFC 6749 §10.10</a>
 */
public final class TokenIssuer {
  private final AccessTokenStore accessTokens;
  private final RefreshTokenStore refreshTokens;
  private final TokenSettings settings;
  private final Clock clock;

  public TokenIssuer(
      AccessTokenStore accessTokens, RefreshTokenStore refreshTokens, TokenSettings settings, Clock clock) {
    this.accessTokens = Objects.requireNonNull(accessTokens, "accessTokens");
    this.refreshTokens = Objects.requireNonNull(refreshTokens, "refreshTokens");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Issues an access token, and a refresh token with the same scopes when {@code withRefreshToken}.
   *
   * @param subject the resource owner, or {@code null} for a client acting on its own behalf
   * @param authTime when the resource owner authenticated, or {@code null}
   */
  public TokenResponse issue(
      String grantId,
      Client client,
      String subject,
      Set<String> scopes,
      boolean withRefreshToken,
      Instant authTime) {
    return issue(grantId, client, subject, scopes, withRefreshToken ? scopes : null, authTime);
  }

  /**
   * Issues an access token with {@code accessScopes} and, unless {@code refreshScopes} is {@code null}, a refresh token
   * with {@code refreshScopes}. The two differ when a refresh request narrows the scope: RFC 6749 §6 narrows the new
   * access token, but a narrowed request must not shrink what later refreshes may ask for.
   *
   * @param refreshScopes the refresh token's scopes, or {@code null} for no refresh token
   */
  public TokenResponse issue(
      String grantId,
      Client client,
      String subject,
      Set<String> accessScopes,
      Set<String> refreshScopes,
      Instant authTime) {
    Objects.requireNonNull(grantId, "grantId");
    Objects.requireNonNull(client, "client");
    Instant now = clock.instant();
    String accessToken = RandomTokens.generate();
    accessTokens.save(
        new AccessToken(
            TokenHash.of(accessToken),
            grantId,
            client.clientId(),
            subject,
            accessScopes,
            now,
            now.plus(settings.accessTokenTtl())));
    Optional<String> refreshToken = Optional.empty();
    if (refreshScopes != null) {
      String value = RandomTokens.generate();
      refreshTokens.save(
          new RefreshToken(
              TokenHash.of(value),
              grantId,
              client.clientId(),
              subject,
              refreshScopes,
              authTime,
              now,
              now.plus(settings.refreshTokenTtl()),
              null,
              null));
      refreshToken = Optional.of(value);
    }
    return new TokenResponse(
        accessToken,
        TokenResponse.BEARER,
        settings.accessTokenTtl().toSeconds(),
        refreshToken,
        Scopes.format(accessScopes));
  }
}
