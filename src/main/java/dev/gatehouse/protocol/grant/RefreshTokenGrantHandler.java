package dev.gatehouse.protocol.grant;

import dev.gatehouse.protocol.client.Client;
import dev.gatehouse.protocol.error.OAuthErrorCode;
import dev.gatehouse.protocol.error.OAuthException;
import dev.gatehouse.protocol.request.GrantType;
import dev.gatehouse.protocol.request.TokenRequest;
import dev.gatehouse.protocol.resource.ResourceIndicators;
import dev.gatehouse.protocol.scope.Scopes;
import dev.gatehouse.protocol.store.GrantRevoker;
import dev.gatehouse.protocol.store.GrantStore;
import dev.gatehouse.protocol.store.RefreshToken;
import dev.gatehouse.protocol.store.RefreshTokenStore;
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
 * The refresh token grant, with rotation and reuse detection.
 *
 * <p>Rotating clients (every public client, and confidential clients that did not opt out) get a new refresh token and
 * the old one is marked rotated. Presenting a rotated token again is reuse, and revokes the whole grant; only within
 * {@link TokenSettings#refreshReuseGrace()} of the rotation, a window that is off unless the operator opts in, is it
 * refused without further action (a lost response or two tabs). Non-rotating clients keep their refresh token and get
 * a new access token only.
 *
 * <p>Before it decides anything about the token, the handler takes its grant's lock ({@link GrantStore#holdActive}),
 * the lock every revocation of the grant takes first, and then reads the token again. A refresh and a revocation of
 * the same grant therefore run one after the other, never interleaved: a new access token can never outlive the
 * revocation of its grant.
 *
 * <p>A refresh token outlives the sign-in that created it, so each refresh also looks again at what the grant rests
 * on: a grant without {@code offline_access} needs its SSO session to be active ({@link SessionBoundRefresh}), and
 * the user must still be allowed tokens ({@link ResourceOwnerStatus}: not disabled, still in its directory) and
 * still qualify for the client's access policy ({@link dev.gatehouse.protocol.client.AccessPolicy}). When any of
 * these fails, the grant is revoked and the refresh is {@code invalid_grant}.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-6">RFC 6749 §6</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9700#section-4.14.2">RFC 9700 §4.14.2</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7009#section-2.1">RFC 7009 §2.1</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8707#section-2.2">RFC 8707 §2.2</a>
 */
public final class RefreshTokenGrantHandler implements GrantHandler {
  private static final Set<String> PARAMETERS =
      Set.of(TokenRequest.REFRESH_TOKEN, TokenRequest.SCOPE, TokenRequest.RESOURCE);

  private final RefreshTokenStore refreshTokens;
  private final GrantStore grants;
  private final GrantRevoker revoker;
  private final TokenIssuer issuer;
  private final TokenSettings settings;
  private final SessionBoundRefresh sessions;
  private final ResourceOwnerStatus owners;
  private final Clock clock;

  public RefreshTokenGrantHandler(
      RefreshTokenStore refreshTokens,
      GrantStore grants,
      GrantRevoker revoker,
      TokenIssuer issuer,
      TokenSettings settings,
      SessionBoundRefresh sessions,
      ResourceOwnerStatus owners,
      Clock clock) {
    this.refreshTokens = Objects.requireNonNull(refreshTokens, "refreshTokens");
    this.grants = Objects.requireNonNull(grants, "grants");
    this.revoker = Objects.requireNonNull(revoker, "revoker");
    this.issuer = Objects.requireNonNull(issuer, "issuer");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.sessions = Objects.requireNonNull(sessions, "sessions");
    this.owners = Objects.requireNonNull(owners, "owners");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public GrantType grantType() {
    return GrantType.REFRESH_TOKEN;
  }

  /** RFC 6749 §6 ({@code refresh_token}, {@code scope}) and RFC 8707 §2 ({@code resource}). */
  @Override
  public Set<String> parameters() {
    return PARAMETERS;
  }

  @Override
  public TokenResponse handle(TokenRequest request, Client client) {
    Instant now = clock.instant();
    // 1. RFC 6749 §6: refresh_token "REQUIRED. The refresh token issued to the client."
    String presented =
        request
            .refreshToken()
            .orElseThrow(() -> new OAuthException(OAuthErrorCode.INVALID_REQUEST, "refresh_token missing"));
    String hash = TokenHash.of(presented);
    // 2. Find the token (an unlocked read: only its grant and its owner are trusted from it).
    RefreshToken found = refreshTokens.find(hash).orElseThrow(() -> invalidGrant("unknown refresh token"));
    // 3. RFC 6749 §6: "validate the refresh token and ensure that it was issued to the authenticated client". Another
    // client presenting it is not the owner reusing it, so the grant is not revoked.
    if (!found.clientId().equals(client.clientId())) {
      throw invalidGrant("refresh token was issued to another client");
    }
    // 4. OpenID Connect Core §11: a grant without offline_access lasts while its SSO session does; the refresh is a use
    // of that session. Asked before the grant's lock (it may lock the session's row, which a logout locks before the
    // grant's), decided after the token has been judged, so that a replay is still reported as one.
    boolean sessionActive = sessions.useForRefresh(found.grantId(), found.scopes(), now);
    // 5. Lock the grant: this lock is what serialises a refresh against a revocation of the same grant, which takes it
    // first too. RFC 7009 §2.1: "The invalidation takes place immediately, and the token cannot be used again after
    // the revocation." A revocation that committed first makes this refresh fail here; one that comes later waits for
    // this transaction and then also revokes the access token issued below.
    if (!grants.holdActive(found.grantId(), now.plus(settings.refreshTokenTtl()))) {
      throw invalidGrant("grant revoked or unknown");
    }
    // 6. Read the token again under the lock: the first read may predate a rotation or a revocation that committed
    // while this request waited for the grant. Every check of the token's state uses this fresh copy.
    RefreshToken token = requireUsable(hash, now);
    // 7. RFC 6749 §5.2: invalid_grant when the grant "is invalid, expired, revoked": an online grant whose session is
    // over, or a grant whose user was disabled or left its directory, ends here, and its tokens with it.
    requireStillGranted(token, sessionActive, now);
    // 7a. The grant also rests on the client's access policy, which the user may have left (a role or a directory
    // group taken away) or the operator may have changed since the grant was made.
    requirePolicy(token, client, now);
    // 8. RFC 6749 §6: "The requested scope MUST NOT include any scope not originally granted by the resource owner,
    // and if omitted is treated as equal to the scope originally granted by the resource owner."
    Set<String> accessScopes = narrowedScopes(request.scope(), token.scopes());
    // 9. RFC 8707 §2.2: likewise the resources, "the target service(s) where it intends to use that token": within
    // the grant's, never beyond (invalid_target), and all of the grant's when the request names none.
    TokenIssuer.Rights access = new TokenIssuer.Rights(accessScopes,
        ResourceIndicators.fromGrant(request.resources(), token.resources(), client.allowedResources()));
    TokenIssuer.Rights grant = new TokenIssuer.Rights(token.scopes(), token.resources());
    // 10. RFC 6749 §6: "The authorization server MAY issue a new refresh token". Non-rotating clients keep theirs;
    // rotating clients rotate atomically, and the loser of a concurrent rotation is a reuse at this very instant.
    if (!client.rotatesRefreshTokens()) {
      return issuer.issue(reissued(token, client, access));
    }
    if (!refreshTokens.markRotated(hash, now)) {
      throw reuse(token, now, now);
    }
    // 11. Issue. The new refresh token keeps the grant's original scopes and resources; only the access token is
    // narrowed.
    return issuer.issue(reissued(token, client, access).withRefreshToken(grant));
  }

  /**
   * The tokens a refresh issues for {@code token}'s grant, without a refresh token. The sign-in an ID token from a
   * refresh describes: OpenID Connect Core §12.2, "its auth_time Claim Value MUST represent the time of the original
   * authentication - not the time that the refresh token was issued", and the nonce belongs to the authorization
   * request, which a refresh is not. No ID token for a token stored without its sign-in time.
   */
  private static IssueRequest reissued(RefreshToken token, Client client, TokenIssuer.Rights access) {
    IssueRequest issue = IssueRequest.of(token.grantId(), client, access);
    if (token.subject() != null) {
      issue = issue.forSubject(token.subject());
    }
    return token.authTime() == null
        ? issue
        : issue.authenticatedAt(token.authTime()).withIdToken(Optional.empty(), Optional.empty());
  }

  /** The token as it stands under the grant's lock, if it may still be exchanged: not revoked, expired or rotated. */
  private RefreshToken requireUsable(String hash, Instant now) {
    RefreshToken token = refreshTokens.find(hash).orElseThrow(() -> invalidGrant("unknown refresh token"));
    if (token.revokedAt() != null) {
      throw invalidGrant("refresh token revoked");
    }
    if (token.isExpiredAt(now)) {
      throw invalidGrant("refresh token expired");
    }
    // A rotated token presented again is reuse.
    if (token.rotatedAt() != null) {
      throw reuse(token, token.rotatedAt(), now);
    }
    return token;
  }

  private static Set<String> narrowedScopes(Optional<String> requested, Set<String> original) {
    if (requested.isEmpty()) {
      return original;
    }
    return Scopes.requireSubset(Scopes.parse(requested.get()), original);
  }

  /**
   * RFC 9700 §4.14.2: "If a refresh token is compromised and subsequently used by both the attacker and the legitimate
   * client, one of them will present an invalidated refresh token, which will inform the authorization server of the
   * breach." Within the grace window (opt-in; none by default) the reuse is taken for a retry or a race and only
   * refused.
   */
  private OAuthException reuse(RefreshToken token, Instant rotatedAt, Instant now) {
    if (now.isBefore(rotatedAt.plus(settings.refreshReuseGrace()))) {
      return invalidGrant("rotated refresh token reused within the grace window");
    }
    revoker.revokeGrant(token.grantId(), now);
    return invalidGrant("rotated refresh token reused; grant revoked");
  }

  /** The session check's verdict, then the user's standing: either failing revokes the grant. */
  private void requireStillGranted(RefreshToken token, boolean sessionActive, Instant now) {
    if (!sessionActive) {
      throw ended(token, now, GrantRevoker.Cause.SESSION_ENDED, "the SSO session of a grant without offline_access"
          + " has ended");
    }
    if (token.subject() != null && !owners.isActive(token.subject())) {
      throw ended(token, now, GrantRevoker.Cause.USER_INACTIVE, "the user is disabled or gone from its directory");
    }
  }

  /**
   * The client's access policy, for the user as {@link ResourceOwnerStatus} now knows it; the user is not looked up
   * for a client open to everyone.
   */
  private void requirePolicy(RefreshToken token, Client client, Instant now) {
    if (token.subject() != null && client.accessPolicy().restricted()
        && !client.accessPolicy().permits(owners.member(token.subject()))) {
      revoker.refusedByPolicy(token.grantId(), token.subject(), now);
      throw invalidGrant("the user is outside the client's access policy; grant revoked");
    }
  }

  /** The grant can no longer be refreshed: revoked (after this transaction, which rolls back), and the error. */
  private OAuthException ended(RefreshToken token, Instant now, GrantRevoker.Cause cause, String detail) {
    revoker.revokeGrant(token.grantId(), now, cause);
    return invalidGrant(detail + "; grant revoked");
  }

  private static OAuthException invalidGrant(String detail) {
    return new OAuthException(OAuthErrorCode.INVALID_GRANT, detail);
  }
}
