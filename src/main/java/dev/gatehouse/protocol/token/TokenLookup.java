package dev.gatehouse.protocol.token;

import dev.gatehouse.protocol.store.AccessTokenStore;
import dev.gatehouse.protocol.store.RefreshTokenStore;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds the stored record of a token presented at the introspection or revocation endpoint, by the SHA-256 hash of its
 * value, in the order the {@code token_type_hint} suggests.
 *
 * <p>A value that cannot be one of ours is refused before any store is asked: it is {@code null}, empty, longer than
 * {@value #MAX_LENGTH} characters, or has a character outside {@code %x21-7E}. RFC 6749 Appendix A.12 and A.17 define
 * both token kinds as {@code 1*VSCHAR} ({@code %x20-7E}); ours are narrower still (43 characters of base64url, see
 * {@link dev.gatehouse.protocol.support.RandomTokens}, or a JWS compact serialization for clients with JWT access
 * tokens), so no space and no overlong value can match, and garbage never costs a database round trip.
 *
 * <p>Both RFC 7009 §2.1 and RFC 7662 §2.1 say of {@code token_type_hint}: "If the server is unable to locate the token
 * using the given hint, it MUST extend its search across all of its supported token types. An authorization server MAY
 * ignore this parameter, particularly if it is able to detect the token type automatically." The hint therefore only
 * orders the two lookups: {@code refresh_token} asks the refresh token store first, anything else (no hint, {@code
 * access_token}, an unknown value) asks the access token store first; the other store is asked whenever the first
 * misses, and never when it hits.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7009#section-2.1">RFC 7009 §2.1</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7662#section-2.1">RFC 7662 §2.1</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#appendix-A.12">RFC 6749 Appendix A.12</a>
 */
public final class TokenLookup {
  /** The longest value looked up: room for an RFC 9068 JWT access token (about a kilobyte), nothing absurd. */
  public static final int MAX_LENGTH = 4096;

  /** The {@code token_type_hint} value (RFC 7009 §2.1) that puts refresh tokens first. */
  public static final String REFRESH_TOKEN_HINT = "refresh_token";

  private final AccessTokenStore accessTokens;
  private final RefreshTokenStore refreshTokens;

  public TokenLookup(AccessTokenStore accessTokens, RefreshTokenStore refreshTokens) {
    this.accessTokens = Objects.requireNonNull(accessTokens, "accessTokens");
    this.refreshTokens = Objects.requireNonNull(refreshTokens, "refreshTokens");
  }

  /**
   * The access token that is active at {@code now}, or the refresh token in whatever state, whose value is {@code
   * token}; empty when the value is malformed or matches neither. An expired or revoked access token is not found: the
   * access token port only offers {@link AccessTokenStore#findActive}.
   */
  public Optional<FoundToken> find(String token, Optional<String> tokenTypeHint, Instant now) {
    Objects.requireNonNull(tokenTypeHint, "tokenTypeHint");
    Objects.requireNonNull(now, "now");
    if (!isWellFormed(token)) {
      return Optional.empty();
    }
    String hash = TokenHash.of(token);
    if (tokenTypeHint.filter(REFRESH_TOKEN_HINT::equals).isPresent()) {
      return findRefresh(hash).or(() -> findAccess(hash, now));
    }
    return findAccess(hash, now).or(() -> findRefresh(hash));
  }

  /** True when {@code token} could be ours: 1 to {@value #MAX_LENGTH} characters, each in {@code %x21-7E}. */
  public static boolean isWellFormed(String token) {
    if (token == null || token.isEmpty() || token.length() > MAX_LENGTH) {
      return false;
    }
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c < 0x21 || c > 0x7E) {
        return false;
      }
    }
    return true;
  }

  private Optional<FoundToken> findAccess(String hash, Instant now) {
    return accessTokens.findActive(hash, now).map(FoundToken.Access::new);
  }

  private Optional<FoundToken> findRefresh(String hash) {
    return refreshTokens.find(hash).map(FoundToken.Refresh::new);
  }
}
