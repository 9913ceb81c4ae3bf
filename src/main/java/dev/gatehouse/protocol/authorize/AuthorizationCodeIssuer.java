package dev.gatehouse.protocol.authorize;

import dev.gatehouse.protocol.scope.Scopes;
import dev.gatehouse.protocol.store.AuthorizationCode;
import dev.gatehouse.protocol.store.AuthorizationCodeStore;
import dev.gatehouse.protocol.support.RandomTokens;
import dev.gatehouse.protocol.token.TokenHash;
import dev.gatehouse.protocol.token.TokenSettings;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Issues an authorization code once the resource owner has authenticated and consented: a 256-bit random value, stored
 * only as its hash together with everything the token endpoint must check (client, redirect URI if sent, PKCE
 * challenge, nonce, scopes, resource indicators, expiry) and a fresh grant id.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2">RFC 6749 §4.1.2</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7636#section-4.4">RFC 7636 §4.4</a>
 */
public final class AuthorizationCodeIssuer {
  private final AuthorizationCodeStore codes;
  private final TokenSettings settings;
  private final Clock clock;

  public AuthorizationCodeIssuer(AuthorizationCodeStore codes, TokenSettings settings, Clock clock) {
    this.codes = Objects.requireNonNull(codes, "codes");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Issues and stores a code; returns its plaintext value, to be sent once in the redirect.
   *
   * @param grantedScopes the scopes the resource owner granted; must be within the requested scopes
   * @throws dev.gatehouse.protocol.error.OAuthException {@code invalid_scope} when {@code grantedScopes} exceeds the
   *     request
   */
  public String issue(ValidatedAuthorization request, String subject, Instant authTime, Set<String> grantedScopes) {
    return issue(request, subject, authTime, grantedScopes, null);
  }

  /** Issues a code as above, in the SSO session {@code sessionId} ({@code null} for none). */
  public String issue(ValidatedAuthorization request, String subject, Instant authTime, Set<String> grantedScopes,
      String sessionId) {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(authTime, "authTime");
    Scopes.requireSubset(grantedScopes, request.scopes());
    Instant now = clock.instant();
    String code = RandomTokens.generate();
    codes.save(
        new AuthorizationCode(
            TokenHash.of(code),
            UUID.randomUUID().toString(),
            request.client().clientId(),
            subject,
            // RFC 6749 §4.1.3: the token request must repeat redirect_uri only "if the "redirect_uri" parameter was
            // included in the authorization request".
            request.redirectUriSent() ? request.redirectUri() : null,
            grantedScopes,
            request.codeChallenge().orElse(null),
            request.nonce().orElse(null),
            authTime,
            now,
            now.plus(settings.codeTtl()),
            sessionId,
            request.resources()));
    return code;
  }
}
