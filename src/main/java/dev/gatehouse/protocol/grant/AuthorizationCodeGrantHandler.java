package dev.gatehouse.protocol.grant;

import dev.gatehouse.protocol.client.Client;
import dev.gatehouse.protocol.error.OAuthErrorCode;
import dev.gatehouse.protocol.error.OAuthException;
import dev.gatehouse.protocol.pkce.Pkce;
import dev.gatehouse.protocol.request.GrantType;
import dev.gatehouse.protocol.request.TokenRequest;
import dev.gatehouse.protocol.resource.ResourceIndicators;
import dev.gatehouse.protocol.store.AuthorizationCode;
import dev.gatehouse.protocol.store.AuthorizationCodeStore;
import dev.gatehouse.protocol.store.CodeConsumption;
import dev.gatehouse.protocol.store.GrantRevoker;
import dev.gatehouse.protocol.store.GrantStore;
import dev.gatehouse.protocol.store.ResourceOwnerStatus;
import dev.gatehouse.protocol.token.IssueRequest;
import dev.gatehouse.protocol.token.TokenHash;
import dev.gatehouse.protocol.token.TokenIssuer;
import dev.gatehouse.protocol.token.TokenResponse;
import dev.gatehouse.protocol.token.TokenSettings;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The authorization code grant at the token endpoint: every check of the grant lives here, in order. Once all checks
 * pass it opens the grant ({@link GrantStore#open}) in the same transaction as the first tokens, so every later refresh
 * and revocation has a grant to lock.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-4.1.3">RFC 6749 §4.1.3</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2">RFC 6749 §4.1.2 (single use, replay)</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7636#section-4.6">RFC 7636 §4.6</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8707#section-2.2">RFC 8707 §2.2</a>
 */
public final class AuthorizationCodeGrantHandler implements GrantHandler {
  private static final Set<String> PARAMETERS = Set.of(
      TokenRequest.CODE, TokenRequest.REDIRECT_URI, TokenRequest.CODE_VERIFIER, TokenRequest.RESOURCE);

  private final AuthorizationCodeStore codes;
  private final GrantStore grants;
  private final GrantRevoker revoker;
  private final TokenIssuer issuer;
  private final TokenSettings settings;
  private final ResourceOwnerStatus owners;
  private final Clock clock;

  public AuthorizationCodeGrantHandler(
      AuthorizationCodeStore codes,
      GrantStore grants,
      GrantRevoker revoker,
      TokenIssuer issuer,
      TokenSettings settings,
      ResourceOwnerStatus owners,
      Clock clock) {
    this.codes = Objects.requireNonNull(codes, "codes");
    this.grants = Objects.requireNonNull(grants, "grants");
    this.revoker = Objects.requireNonNull(revoker, "revoker");
    this.issuer = Objects.requireNonNull(issuer, "issuer");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.owners = Objects.requireNonNull(owners, "owners");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public GrantType grantType() {
    return GrantType.AUTHORIZATION_CODE;
  }

  /** RFC 6749 §4.1.3 ({@code code}, {@code redirect_uri}), RFC 7636 §4.5, RFC 8707 §2; no {@code scope}: the code's. */
  @Override
  public Set<String> parameters() {
    return PARAMETERS;
  }

  @Override
  public TokenResponse handle(TokenRequest request, Client client) {
    Instant now = clock.instant();
    // 1. RFC 6749 §4.1.3: code "REQUIRED. The authorization code received from the authorization server."
    String code =
        request.code().orElseThrow(() -> new OAuthException(OAuthErrorCode.INVALID_REQUEST, "code missing"));
    // 2. Consume atomically; a replay revokes the grant.
    AuthorizationCode stored = consume(code, now);
    // 3. RFC 6749 §4.1.2: "The authorization code MUST expire shortly after it is issued to mitigate the risk of leaks."
    if (stored.isExpiredAt(now)) {
      throw invalidGrant("authorization code expired");
    }
    // 4. RFC 6749 §4.1.3: "ensure that the authorization code was issued to the authenticated confidential client, or
    // if the client is public, ensure that the code was issued to "client_id" in the request".
    if (!stored.clientId().equals(client.clientId())) {
      throw invalidGrant("authorization code was issued to another client");
    }
    // 5. Redirect URI binding.
    checkRedirectUri(stored, request.redirectUri());
    // 6. PKCE. A public client's code always carries a challenge (the validator requires one); refuse anyway.
    if (client.isPublic() && stored.codeChallenge() == null) {
      throw invalidGrant("public client code without code_challenge");
    }
    Pkce.verify(stored.codeChallenge(), request.codeVerifier());
    // 7. RFC 8707 §2.1: the code's resources apply "to the full authorization grant"; §2.2: the token request may name
    // some of them, for a token with a narrower audience. One outside the grant is invalid_target.
    Set<String> resources = ResourceIndicators.fromGrant(request.resources(), stored.resources(),
        client.allowedResources());
    // 7a. The client's access policy, applied again to the user as it stands now: a code issued before the policy
    // changed (or before the user lost the role or group) is no longer a valid grant (RFC 6749 §5.2, invalid_grant).
    if (client.accessPolicy().restricted() && !client.accessPolicy().permits(owners.member(stored.subject()))) {
      revoker.refusedByPolicy(stored.grantId(), stored.subject(), now);
      throw invalidGrant("the user is outside the client's access policy");
    }
    // 8. Every check passed: record the grant, in this transaction, before any token refers to it. Refreshes and
    // revocations lock this grant first (GrantStore#holdActive); it lives as long as a refresh token may.
    Instant grantExpiresAt = now.plus(settings.refreshTokenTtl());
    grants.open(stored.grantId(), client.clientId(), stored.subject(), stored.scopes(), now, grantExpiresAt,
        stored.sessionId());
    // 9. Issue; a refresh token only for clients registered for the refresh_token grant, holding the whole grant (its
    // scopes and resources); an ID token when the request was an OpenID Connect one, carrying the request's nonce
    // (OpenID Connect Core §3.1.3.6).
    IssueRequest issue = IssueRequest.of(stored.grantId(), client, new TokenIssuer.Rights(stored.scopes(), resources))
        .forSubject(stored.subject())
        .authenticatedAt(stored.authTime())
        .withIdToken(Optional.ofNullable(stored.nonce()), Optional.ofNullable(stored.sessionId()));
    return issuer.issue(client.allowsGrant(GrantType.REFRESH_TOKEN)
        ? issue.withRefreshToken(new TokenIssuer.Rights(stored.scopes(), stored.resources()))
        : issue);
  }

  private AuthorizationCode consume(String code, Instant now) {
    CodeConsumption consumption = codes.consume(TokenHash.of(code), now);
    if (consumption instanceof CodeConsumption.Consumed consumed) {
      return consumed.code();
    }
    if (consumption instanceof CodeConsumption.Replayed replayed) {
      // RFC 6749 §4.1.2: "If an authorization code is used more than once, the authorization server MUST deny the
      // request and SHOULD revoke (when possible) all tokens previously issued based on that authorization code."
      revoker.revokeGrant(replayed.code().grantId(), now);
      throw invalidGrant("authorization code replayed; grant revoked");
    }
    throw invalidGrant("unknown authorization code");
  }

  /**
   * RFC 6749 §4.1.3: "ensure that the "redirect_uri" parameter is present if the "redirect_uri" parameter was included
   * in the initial authorization request as described in Section 4.1.1, and if included ensure that their values are
   * identical."
   */
  private static void checkRedirectUri(AuthorizationCode stored, Optional<String> sent) {
    if (stored.redirectUri() == null) {
      if (sent.isPresent()) {
        throw invalidGrant("redirect_uri sent but was not sent at the authorization endpoint");
      }
      return;
    }
    if (sent.isEmpty()) {
      throw invalidGrant("redirect_uri missing");
    }
    if (!stored.redirectUri().equals(sent.get())) {
      throw invalidGrant("redirect_uri differs from the authorization request");
    }
  }

  private static OAuthException invalidGrant(String detail) {
    return new OAuthException(OAuthErrorCode.INVALID_GRANT, detail);
  }
}
