package dev.gatehouse.protocol.revoke;

import static dev.gatehouse.protocol.error.OAuthAssertions.assertOAuthError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.protocol.client.Client;
import dev.gatehouse.protocol.client.TestClients;
import dev.gatehouse.protocol.error.OAuthErrorCode;
import dev.gatehouse.protocol.store.InMemoryAccessTokenStore;
import dev.gatehouse.protocol.store.InMemoryGrantRevoker;
import dev.gatehouse.protocol.store.InMemoryRefreshTokenStore;
import dev.gatehouse.protocol.store.RecordingAccessTokenStore;
import dev.gatehouse.protocol.store.RecordingRefreshTokenStore;
import dev.gatehouse.protocol.store.RefreshToken;
import dev.gatehouse.protocol.support.MutableClock;
import dev.gatehouse.protocol.token.FoundToken;
import dev.gatehouse.protocol.token.IssueRequest;
import dev.gatehouse.protocol.token.TokenHash;
import dev.gatehouse.protocol.token.TokenIssuer;
import dev.gatehouse.protocol.token.TokenResponse;
import dev.gatehouse.protocol.token.TokenSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenRevocationTest {
  private static final String GRANT = "grant-1";
  private static final Optional<String> NO_HINT = Optional.empty();
  private static final Optional<String> REFRESH_HINT = Optional.of("refresh_token");

  private final MutableClock clock = MutableClock.startingAt2025();
  private final TokenSettings settings = TokenSettings.defaults();
  private final InMemoryAccessTokenStore accessTokens = new InMemoryAccessTokenStore();
  private final InMemoryRefreshTokenStore refreshTokens = new InMemoryRefreshTokenStore();
  private final InMemoryGrantRevoker revoker = new InMemoryGrantRevoker(accessTokens, refreshTokens);
  private final TokenIssuer issuer = new TokenIssuer(accessTokens, refreshTokens, settings, clock);
  private final List<String> calls = new ArrayList<>();
  private final TokenRevocation revocation =
      new TokenRevocation(
          new RecordingAccessTokenStore(accessTokens, calls),
          new RecordingRefreshTokenStore(refreshTokens, calls),
          revoker,
          clock);
  private final Client app = TestClients.confidential("app");
  private final Client other = TestClients.confidential("other");

  private TokenResponse issue() {
    return issuer.issue(IssueRequest.of(GRANT, app, TokenIssuer.Rights.of(Set.of("openid", "api"))).forSubject("alice")
        .withRefreshToken().authenticatedAt(clock.instant()));
  }

  private boolean accessActive(String token) {
    return accessTokens.findActive(TokenHash.of(token), clock.instant()).isPresent();
  }

  private RefreshToken stored(String refreshToken) {
    return refreshTokens.find(TokenHash.of(refreshToken)).orElseThrow();
  }

  @Test
  void rfc7009_2_1_whenOwnAccessToken_thenRevokedAloneAndNoLongerActive() {
    TokenResponse r = issue();
    Instant now = clock.instant();

    Optional<FoundToken> revoked = revocation.revoke(r.accessToken(), NO_HINT, app);

    assertTrue(revoked.orElseThrow() instanceof FoundToken.Access, "reports what it revoked, for the audit trail");
    assertEquals(GRANT, revoked.get().grantId());
    assertTrue(accessTokens.findActive(TokenHash.of(r.accessToken()), now).isEmpty());
    assertEquals(Optional.of(now), accessTokens.revokedAt(TokenHash.of(r.accessToken())));
    assertNull(stored(r.refreshToken().orElseThrow()).revokedAt());
    assertEquals(List.of(), revoker.revokedGrants());
  }

  @Test
  void rfc7009_2_1_whenAnotherClientsAccessToken_thenUnauthorizedClientAndNotRevoked() {
    TokenResponse r = issue();

    assertOAuthError(OAuthErrorCode.UNAUTHORIZED_CLIENT, () -> revocation.revoke(r.accessToken(), NO_HINT, other));

    assertTrue(accessActive(r.accessToken()));
    assertEquals(Optional.empty(), accessTokens.revokedAt(TokenHash.of(r.accessToken())));
  }

  @Test
  void rfc7009_2_1_whenResourceServerRevokesAnotherClientsToken_thenUnauthorizedClient() {
    TokenResponse r = issue();
    Client resourceServer = TestClients.resourceServer("rs");

    assertOAuthError(
        OAuthErrorCode.UNAUTHORIZED_CLIENT, () -> revocation.revoke(r.accessToken(), NO_HINT, resourceServer));
    assertOAuthError(
        OAuthErrorCode.UNAUTHORIZED_CLIENT,
        () -> revocation.revoke(r.refreshToken().orElseThrow(), REFRESH_HINT, resourceServer));

    assertTrue(accessActive(r.accessToken()));
    assertEquals(List.of(), revoker.revokedGrants());
  }

  @Test
  void rfc7009_2_1_whenOwnRefreshToken_thenWholeGrantRevoked() {
    TokenResponse first = issue();
    TokenResponse second = issuer.issue(IssueRequest.of(GRANT, app, TokenIssuer.Rights.of(Set.of("api")))
        .forSubject("alice"));
    String refresh = first.refreshToken().orElseThrow();

    Optional<FoundToken> revoked = revocation.revoke(refresh, REFRESH_HINT, app);

    assertTrue(revoked.orElseThrow() instanceof FoundToken.Refresh, "reports what it revoked, for the audit trail");
    assertEquals(List.of(GRANT), revoker.revokedGrants());
    assertNotNull(stored(refresh).revokedAt());
    assertFalse(accessActive(first.accessToken()));
    assertFalse(accessActive(second.accessToken()));
  }

  @Test
  void rfc7009_2_1_whenAnotherClientsRefreshToken_thenUnauthorizedClientAndNothingRevoked() {
    TokenResponse r = issue();
    String refresh = r.refreshToken().orElseThrow();

    assertOAuthError(OAuthErrorCode.UNAUTHORIZED_CLIENT, () -> revocation.revoke(refresh, NO_HINT, other));

    assertEquals(List.of(), revoker.revokedGrants());
    assertNull(stored(refresh).revokedAt());
    assertTrue(accessActive(r.accessToken()));
  }

  @Test
  void rfc7009_2_2_whenTokenUnknown_thenNoErrorAndNoStoreChange() {
    TokenResponse r = issue();
    Set<RefreshToken> before = new HashSet<>(refreshTokens.all());

    assertEquals(Optional.empty(), revocation.revoke("never-issued", NO_HINT, app), "nothing revoked");
    assertEquals(Optional.empty(), revocation.revoke("never-issued", REFRESH_HINT, other));

    assertEquals(List.of("access.findActive", "refresh.find", "refresh.find", "access.findActive"), calls);
    assertEquals(before, new HashSet<>(refreshTokens.all()));
    assertEquals(List.of(), revoker.revokedGrants());
    assertEquals(Optional.empty(), accessTokens.revokedAt(TokenHash.of(r.accessToken())));
  }

  @Test
  void rfc7009_2_2_whenTokenMalformed_thenNoErrorAndNoStoreCall() {
    revocation.revoke("", NO_HINT, app);
    revocation.revoke("with space", NO_HINT, app);
    revocation.revoke("control\u0001", REFRESH_HINT, app);

    assertEquals(List.of(), calls);
  }

  @Test
  void rfc7009_2_1_whenTokenMissing_thenCallerShouldHaveRefusedIt() {
    assertThrows(NullPointerException.class, () -> revocation.revoke(null, NO_HINT, app));
  }

  @Test
  void rfc7009_2_2_whenAccessTokenAlreadyRevoked_thenNoOp() {
    String token = issue().accessToken();
    Instant first = clock.instant();
    revocation.revoke(token, NO_HINT, app);
    clock.advance(Duration.ofMinutes(1));
    calls.clear();

    revocation.revoke(token, NO_HINT, app);
    revocation.revoke(token, NO_HINT, other);

    assertEquals(Optional.of(first), accessTokens.revokedAt(TokenHash.of(token)));
    assertEquals(List.of("access.findActive", "refresh.find", "access.findActive", "refresh.find"), calls);
  }

  @Test
  void rfc7009_2_2_whenRefreshTokenAlreadyRevoked_thenNoOpEvenForAnotherClient() {
    String refresh = issue().refreshToken().orElseThrow();
    revocation.revoke(refresh, REFRESH_HINT, app);
    Instant revokedAt = stored(refresh).revokedAt();
    clock.advance(Duration.ofMinutes(1));

    assertEquals(Optional.empty(), revocation.revoke(refresh, REFRESH_HINT, app), "nothing changed");
    revocation.revoke(refresh, REFRESH_HINT, other);

    assertEquals(List.of(GRANT), revoker.revokedGrants());
    assertEquals(revokedAt, stored(refresh).revokedAt());
  }

  @Test
  void rfc7009_2_2_whenAccessTokenExpired_thenNoOp() {
    String token = issue().accessToken();
    clock.advance(settings.accessTokenTtl());

    revocation.revoke(token, NO_HINT, app);

    assertEquals(Optional.empty(), accessTokens.revokedAt(TokenHash.of(token)));
    assertEquals(List.of(), revoker.revokedGrants());
  }

  @Test
  void rfc7009_2_2_whenRefreshTokenExpired_thenNoOp() {
    String refresh = issue().refreshToken().orElseThrow();
    clock.advance(settings.refreshTokenTtl());

    revocation.revoke(refresh, REFRESH_HINT, app);

    assertEquals(List.of(), revoker.revokedGrants());
    assertNull(stored(refresh).revokedAt());
  }

  @Test
  void rfc7009_2_1_whenRotatedRefreshTokenRevoked_thenGrantRevokedIncludingItsSuccessor() {
    String r1 = issue().refreshToken().orElseThrow();
    assertTrue(refreshTokens.markRotated(TokenHash.of(r1), clock.instant()));
    TokenResponse successor = issuer.issue(IssueRequest.of(GRANT, app, TokenIssuer.Rights.of(Set.of("openid", "api")))
        .forSubject("alice").withRefreshToken());

    revocation.revoke(r1, REFRESH_HINT, app);

    assertEquals(List.of(GRANT), revoker.revokedGrants());
    assertNotNull(stored(successor.refreshToken().orElseThrow()).revokedAt());
    assertFalse(accessActive(successor.accessToken()));
  }

  @Test
  void rfc7009_2_1_whenRefreshHintButAccessToken_thenSearchExtendedAndTokenRevoked() {
    String token = issue().accessToken();

    revocation.revoke(token, REFRESH_HINT, app);

    assertEquals(List.of("refresh.find", "access.findActive", "access.revoke"), calls);
    assertFalse(accessActive(token));
  }

  @Test
  void rfc7009_2_1_whenNoHintButRefreshToken_thenSearchExtendedAndGrantRevoked() {
    String refresh = issue().refreshToken().orElseThrow();

    revocation.revoke(refresh, Optional.of("access_token"), app);

    assertEquals(List.of("access.findActive", "refresh.find"), calls);
    assertEquals(List.of(GRANT), revoker.revokedGrants());
  }

  @Test
  void rfc7009_2_1_whenPublicClientRevokesOwnToken_thenRevoked() {
    Client spa = TestClients.publicClient("spa");
    TokenResponse r = issuer.issue(IssueRequest.of("grant-spa", spa, TokenIssuer.Rights.of(Set.of("api")))
        .forSubject("alice").withRefreshToken());

    revocation.revoke(r.refreshToken().orElseThrow(), NO_HINT, spa);

    assertEquals(List.of("grant-spa"), revoker.revokedGrants());
  }
}
