package dev.gatehouse.protocol.revoke;

import dev.gatehouse.protocol.client.Client;
import dev.gatehouse.protocol.error.OAuthErrorCode;
import dev.gatehouse.protocol.error.OAuthException;
import dev.gatehouse.protocol.store.AccessToken;
import dev.gatehouse.protocol.store.AccessTokenStore;
import dev.gatehouse.protocol.store.GrantRevoker;
import dev.gatehouse.protocol.store.RefreshToken;
import dev.gatehouse.protocol.store.RefreshTokenStore;
import dev.gatehouse.protocol.token.FoundToken;
import dev.gatehouse.protocol.token.TokenLookup;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Revokes a token at the request of the authenticated client it was issued to.
 *
 * <p>A refresh token revokes its whole grant: every access and refresh token issued from it, including the tokens that
 * replaced it under rotation. An access token revokes only itself. A token that is unknown, malformed, expired or
 * already revoked changes nothing and is not an error, so the endpoint answers 200. A token issued to another client is
 * refused with {@code unauthorized_client}; being a resource server grants no right to revoke.
 *
 * <p>A missing {@code token} parameter is {@code invalid_request}, refused by the web layer before this class is
 * called.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7009#section-2.1">RFC 7009 §2.1</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7009#section-2.2">RFC 7009 §2.2</a>
 */
public final class TokenRevocation {
  /** The public {@code error_description} when the token belongs to another client. */
  static final String NOT_ISSUED_TO_CALLER = "The token was not issued to this client";

  private final TokenLookup lookup;
  private final AccessTokenStore accessTokens;
  private final GrantRevoker grants;
  private final Clock clock;

  public TokenRevocation(
      AccessTokenStore accessTokens, RefreshTokenStore refreshTokens, GrantRevoker grants, Clock clock) {
    this.lookup = new TokenLookup(accessTokens, refreshTokens);
    this.accessTokens = Objects.requireNonNull(accessTokens, "accessTokens");
    this.grants = Objects.requireNonNull(grants, "grants");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Revokes {@code token} for {@code caller}; returns normally whether or not anything changed.
   *
   * @param token the {@code token} parameter; never {@code null} (the web layer refuses a missing one)
   * @param tokenTypeHint the {@code token_type_hint} parameter; it only orders the lookups
   * @param caller the authenticated client making the request
   * @return the token it revoked (a refresh token stands for its whole grant), for the audit trail; empty when the
   *     token was unknown, malformed, expired or already revoked, and nothing changed
   * @throws OAuthException {@code unauthorized_client} when the token was issued to another client
   */
  public Optional<FoundToken> revoke(String token, Optional<String> tokenTypeHint, Client caller) {
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(caller, "caller");
    Instant now = clock.instant();
    // 1. RFC 7009 §2.2: "Note: invalid tokens do not cause an error response since the client cannot handle such an
    // error in a reasonable way." Malformed and unknown tokens end here; the hint only orders the lookups.
    Optional<FoundToken> found = lookup.find(token, tokenTypeHint, now);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    // 2. Revoke by kind: a refresh token takes its grant along, an access token goes alone.
    if (found.get() instanceof FoundToken.Refresh refresh) {
      return revokeRefreshToken(refresh.token(), caller, now) ? found : Optional.empty();
    }
    revokeAccessToken(((FoundToken.Access) found.get()).token(), caller, now);
    return found;
  }

  /** Revokes the refresh token's grant; false when the token was already invalid, so nothing changed. */
  private boolean revokeRefreshToken(RefreshToken token, Client caller, Instant now) {
    // An expired or already revoked refresh token is invalid (RFC 7009 §2.2); a rotated one is still revoked below,
    // because its grant lives on in the token that replaced it.
    if (token.revokedAt() != null || token.isExpiredAt(now)) {
      return false;
    }
    requireIssuedTo(caller, token.clientId(), "refresh token");
    // RFC 7009 §2.1: "If the particular token is a refresh token and the authorization server supports the revocation
    // of access tokens, then the authorization server SHOULD also invalidate all access tokens based on the same
    // authorization grant".
    grants.revokeGrant(token.grantId(), now);
    return true;
  }

  private void revokeAccessToken(AccessToken token, Client caller, Instant now) {
    requireIssuedTo(caller, token.clientId(), "access token");
    // RFC 7009 §2.1: "If the token passed to the request is an access token, the server MAY revoke the respective
    // refresh token as well." Gatehouse does not: the client keeps its refresh token. A false result means a
    // concurrent request revoked it first, which is the same outcome.
    accessTokens.revoke(token.hash(), now);
  }

  /**
   * RFC 7009 §2.1: the authorization server "verifies whether the token was issued to the client making the revocation
   * request. If this validation fails, the request is refused and the client is informed of the error".
   */
  private static void requireIssuedTo(Client caller, String owner, String kind) {
    if (!caller.clientId().equals(owner)) {
      throw new OAuthException(
          OAuthErrorCode.UNAUTHORIZED_CLIENT,
          NOT_ISSUED_TO_CALLER,
          kind + " issued to another client presented for revocation by " + caller.clientId());
    }
  }
}
