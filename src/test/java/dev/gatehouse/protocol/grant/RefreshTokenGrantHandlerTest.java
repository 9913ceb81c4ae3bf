package dev.gatehouse.protocol.grant;

import static dev.gatehouse.protocol.error.OAuthAssertions.assertOAuthError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.protocol.client.AccessPolicy;
import dev.gatehouse.protocol.client.Client;
import dev.gatehouse.protocol.client.TestClients;
import dev.gatehouse.protocol.error.OAuthErrorCode;
import dev.gatehouse.protocol.error.OAuthException;
import dev.gatehouse.protocol.request.TokenRequest;
import dev.gatehouse.protocol.store.InMemoryAccessTokenStore;
import dev.gatehouse.protocol.store.InMemoryGrantRevoker;
import dev.gatehouse.protocol.store.InMemoryGrantStore;
import dev.gatehouse.protocol.session.SessionLifetimes;
import dev.gatehouse.protocol.session.SsoSession;
import dev.gatehouse.protocol.store.GrantRevoker;
import dev.gatehouse.protocol.store.GrantStore;
import dev.gatehouse.protocol.store.InMemoryRefreshTokenStore;
import dev.gatehouse.protocol.store.InMemorySsoSessionStore;
import dev.gatehouse.protocol.store.RecordingAccessTokenStore;
import dev.gatehouse.protocol.store.RecordingGrantStore;
import dev.gatehouse.protocol.store.RecordingRefreshTokenStore;
import dev.gatehouse.protocol.store.RefreshToken;
import dev.gatehouse.protocol.store.RefreshTokenStore;
import dev.gatehouse.protocol.store.ResourceOwnerStatus;
import dev.gatehouse.protocol.support.MutableClock;
import dev.gatehouse.protocol.token.IssueRequest;
import dev.gatehouse.protocol.token.TokenHash;
import dev.gatehouse.protocol.token.TokenIssuer;
import dev.gatehouse.protocol.token.TokenResponse;
import dev.gatehouse.protocol.token.TokenSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class RefreshTokenGrantHandlerTest {
  private static final String GRANT = "grant-1";
  private static final Set<String> ORIGINAL = Set.of("openid", "profile", "api");

  private final MutableClock clock = MutableClock.startingAt2025();
  /** The defaults with the opt-in reuse window of 10 s (GATEHOUSE_REFRESH_REUSE_GRACE), which most tests here judge. */
  private final TokenSettings settings = new TokenSettings(TokenSettings.defaults().codeTtl(),
      TokenSettings.defaults().accessTokenTtl(), TokenSettings.defaults().refreshTokenTtl(), Duration.ofSeconds(10));
  private final InMemoryAccessTokenStore accessTokens = new InMemoryAccessTokenStore();
  private final InMemoryRefreshTokenStore refreshTokens = new InMemoryRefreshTokenStore();
  private final InMemoryGrantStore grants = new InMemoryGrantStore();
  private final InMemoryGrantRevoker revoker = new InMemoryGrantRevoker(accessTokens, refreshTokens, grants);
  private final TokenIssuer issuer = new TokenIssuer(accessTokens, refreshTokens, settings, clock);
  private final InMemorySsoSessionStore sessions = new InMemorySsoSessionStore();
  private final SessionLifetimes lifetimes =
      new SessionLifetimes(Duration.ofMinutes(30), Duration.ofHours(10), Duration.ofMinutes(1));
  /** Users who may no longer have tokens (disabled, or gone from their directory). */
  private final Set<String> inactive = ConcurrentHashMap.newKeySet();
  /** The users' roles and groups, for access policies: none unless a test gives some. */
  private final Map<String, AccessPolicy.Member> members = new ConcurrentHashMap<>();
  private final ResourceOwnerStatus owners = new ResourceOwnerStatus() {
    @Override
    public boolean isActive(String subject) {
      return !inactive.contains(subject);
    }

    @Override
    public AccessPolicy.Member member(String subject) {
      return members.getOrDefault(subject, AccessPolicy.Member.NOBODY);
    }
  };

  private final RefreshTokenGrantHandler handler = handlerWith(refreshTokens, settings);
  private final Client rotating = TestClients.confidentialRotating("app");
  private final Client nonRotating = TestClients.confidential("plain");
  private final Client spa = TestClients.publicClient("spa");
  private final Instant authTime = clock.instant().minusSeconds(60);

  private RefreshTokenGrantHandler handlerWith(RefreshTokenStore store, TokenSettings s) {
    return handlerWith(store, grants, issuer, s);
  }

  private RefreshTokenGrantHandler handlerWith(RefreshTokenStore store, GrantStore g, TokenIssuer i,
      TokenSettings s) {
    return new RefreshTokenGrantHandler(store, g, revoker, i, s, new SessionBoundRefresh(g, sessions, lifetimes),
        owners, clock);
  }

  /** Opens {@link #GRANT} as the code grant would, and issues its first refresh token. */
  private String initialRefreshToken(Client client) {
    return initialRefreshToken(GRANT, client);
  }

  private String initialRefreshToken(String grantId, Client client) {
    return initialRefreshToken(grantId, client, ORIGINAL, null);
  }

  /** Opens a grant with these scopes in the SSO session {@code sid} ({@code null}: none) and issues its first token. */
  private String initialRefreshToken(String grantId, Client client, Set<String> scopes, String sid) {
    Instant now = clock.instant();
    grants.open(grantId, client.clientId(), "alice", scopes, now, now.plus(settings.refreshTokenTtl()), sid);
    return issuer.issue(IssueRequest.of(grantId, client, TokenIssuer.Rights.of(scopes)).forSubject("alice")
        .withRefreshToken().authenticatedAt(authTime)).refreshToken().orElseThrow();
  }

  /** An SSO session of alice that started now, with the lifetimes' end. */
  private String signedIn() {
    Instant now = clock.instant();
    String sid = "sid-" + sessions.touches().size() + "-" + now.toEpochMilli();
    sessions.create(sid, new SsoSession(sid, "alice", "alice", now, now, now, lifetimes.expiresAt(now, now)));
    return sid;
  }

  private TokenResponse refresh(String token, Client client, String scope) {
    return handler.handle(request(token, scope), client);
  }

  private static TokenRequest request(String token, String scope) {
    return new TokenRequest(
        "refresh_token", Optional.empty(), Optional.empty(), Optional.empty(), Optional.ofNullable(token),
        Optional.ofNullable(scope));
  }

  private RefreshToken stored(String token) {
    return refreshTokens.find(TokenHash.of(token)).orElseThrow();
  }

  @Test
  void rfc9700_4_14_2_whenRotatingClientRefreshes_thenNewTokenAndOldOneMarkedRotated() {
    String r1 = initialRefreshToken(rotating);

    TokenResponse response = refresh(r1, rotating, null);

    String r2 = response.refreshToken().orElseThrow();
    assertNotEquals(r1, r2);
    assertNotNull(stored(r1).rotatedAt());
    assertEquals(GRANT, stored(r2).grantId());
    assertEquals(authTime, stored(r2).authTime());
    refresh(r2, rotating, null);
  }

  @Test
  void rfc9700_4_14_2_whenRotatedTokenReusedAfterGrace_thenInvalidGrantAndGrantRevoked() {
    String r1 = initialRefreshToken(rotating);
    String r2 = refresh(r1, rotating, null).refreshToken().orElseThrow();
    clock.advance(settings.refreshReuseGrace());

    assertOAuthError(OAuthErrorCode.INVALID_GRANT, () -> refresh(r1, rotating, null));

    assertEquals(List.of(GRANT), revoker.revokedGrants());
    assertOAuthError(OAuthErrorCode.INVALID_GRANT, () -> refresh(r2, rotating, null));
  }

  @Test
  void rfc9700_4_14_2_whenDefaults_thenTheFirstReuseOfARotatedTokenRevokesTheGrant() {
    RefreshTokenGrantHandler strict = handlerWith(refreshTokens, TokenSettings.defaults());
    String r1 = initialRefreshToken(rotating);
    String r2 = strict.handle(request(r1, null), rotating).refreshToken().orElseThrow();

    assertOAuthError(OAuthErrorCode.INVALID_GRANT, () -> strict.handle(request(r1, null), rotating));

    assertEquals(List.of(GRANT), revoker.revokedGrants(), "reused at the very instant of its rotation");
    assertOAuthError(OAuthErrorCode.INVALID_GRANT, () -> strict.handle(request(r2, null), rotating));
  }

  @Test
  void rfc9700_4_14_2_whenRotatedTokenReusedWithinGrace_thenInvalidGrantWithoutRevocation() {
    String r1 = initialRefreshToken(rotating);
    String r2 = refresh(r1, rotating, null).refreshToken().orElseThrow();
    clock.advance(settings.refreshReuseGrace().minus(Duration.ofMillis(1)));

    assertOAuthError(OAuthErrorCode.INVALID_GRANT, () -> refresh(r1, rotating, null));

    assertTrue(revoker.revokedGrants().isEmpty());
    assertTrue(refresh(r2, rotating, null).refreshToken().isPresent());
  }

  @Test
  void rfc6749_6_whenScopeNarrowed_thenAccessTokenNarrowedAndRefreshTokenKeepsOriginal() {
    String r1 = initialRefreshToken(rotating);

    TokenResponse narrowed = refresh(r1, rotating, "api");

    assertEquals("api", narrowed.scope());
    String r2 = narrowed.refreshToken().orElseThrow();
    assertEquals(ORIGINAL, stored(r2).scopes());
    assertEquals("api openid profile", refresh(r2, rotating, null).scope());
  }

  @Test
  void rfc6749_6_whenScopeWidened_thenInvalidScope() {
    String r1 = initialRefreshToken(rotating);

    assertOAuthError(OAuthErrorCode.INVALID_SCOPE, () -> refresh(r1, rotating, "openid admin"));
    assertNull(stored(r1).rotatedAt());
  }

  @Test
  void rfc6749_6_whenTokenIssuedToAnotherClient_thenInvalidGrantWithoutRevocation() {
    String r1 = initialRefreshToken(rotating);
    Client other = TestClients.confidentialRotating("other");

    assertOAuthError(OAuthErrorCode.INVALID_GRANT, () -> refresh(r1, other, null));

    assertTrue(revoker.revokedGrants().isEmpty());
    assertNull(stored(r1).rotatedAt());
    refresh(r1, rotating, null);
  }

  @Test
  void rfc6749_6_whenNonRotatingConfidentialClient_thenNoNewRefreshTokenAndOldOneReusable() {
    String r1 = initialRefreshToken(nonRotating);

    TokenResponse first = refresh(r1, nonRotating, null);
    TokenResponse second = refresh(r1, nonRotating, null);

    assertTrue(first.refreshToken().isEmpty());
    assertTrue(second.refreshToken().isEmpty());
    assertNotEquals(first.accessToken(), second.accessToken());
    assertNull(stored(r1).rotatedAt());
    assertEquals(1, refreshTokens.all().size());
  }

  @Test
  void rfc9700_4_14_2_whenPublicClientWithRotationFlagOff_thenStillRotates() {
    String r1 = initialRefreshToken(spa);

    TokenResponse response = refresh(r1, spa, null);

    assertTrue(response.refreshToken().isPresent());
    assertNotNull(stored(r1).rotatedAt());
  }

  @Test
  void rfc6749_6_whenRefreshTokenMissing_thenInvalidRequest() {
    assertOAuthError(OAuthErrorCode.INVALID_REQUEST, () -> refresh(null, rotating, null));
  }

  @Test
  void rfc6749_6_whenRefreshTokenUnknown_thenInvalidGrant() {
    assertOAuthError(OAuthErrorCode.INVALID_GRANT, () -> refresh("not-a-token", rotating, null));
  }

  @Test
  void rfc6749_6_whenRefreshTokenExpired_thenInvalidGrant() {
    String r1 = initialRefreshToken(rotating);
    clock.advance(settings.refreshTokenTtl());

    assertOAuthError(OAuthErrorCode.INVALID_GRANT, () -> refresh(r1, rotating, null));
  }

  @Test
  void rfc6749_6_whenGrantRevoked_thenInvalidGrant() {
    String r1 = initialRefreshToken(nonRotating);
    revoker.revokeGrant(GRANT, clock.instant());

    assertOAuthError(OAuthErrorCode.INVALID_GRANT, () -> refresh(r1, nonRotating, null));
  }

  @Test
  void rfc7009_2_1_whenGrantRevokedBeforeRefresh_thenInvalidGrant() {
    // The revocation committed its grant row first; this refresh's unlocked read of the token came before it, so the
    // token row still looks usable. Only the grant's lock can tell, for rotating and non-rotating clients alike.
    String plainToken = initialRefreshToken("grant-plain", nonRotating);
    String rotatingToken = initialRefreshToken("grant-rotating", rotating);
    grants.revoke("grant-plain");
    grants.revoke("grant-rotating");

    assertOAuthError(OAuthErrorCode.INVALID_GRANT, () -> refresh(plainToken, nonRotating, null));
    assertOAuthError(OAuthErrorCode.INVALID_GRANT, () -> refresh(rotatingToken, rotating, null));

    assertEquals(2, accessTokens.all().size());
    assertEquals(2, refreshTokens.all().size());
    assertNull(stored(plainToken).rotatedAt());
    assertNull(stored(rotatingToken).rotatedAt());
    assertTrue(revoker.revokedGrants().isEmpty());
  }

  @Test
  void rfc6749_6_whenGrantUnknown_thenInvalidGrant() {
    String orphan =
        issuer.issue(IssueRequest.of("grant-never-opened", rotating, TokenIssuer.Rights.of(ORIGINAL))
            .forSubject("alice").withRefreshToken().authenticatedAt(authTime)).refreshToken().orElseThrow();

    assertOAuthError(OAuthErrorCode.INVALID_GRANT, () -> refresh(orphan, rotating, null));

    assertEquals(1, accessTokens.all().size());
    assertNull(stored(orphan).rotatedAt());
  }

  @Test
  void rfc6749_6_whenRefreshed_thenGrantExtendedByRefreshTokenLifetime() {
    String r1 = initialRefreshToken(nonRotating);
    clock.advance(Duration.ofDays(3));

    refresh(r1, nonRotating, null);

    assertEquals(clock.instant().plus(settings.refreshTokenTtl()), grants.find(GRANT).orElseThrow().expiresAt());
  }

  @Test
  void rfc7009_2_1_whenRefreshing_thenGrantLockedBeforeTheTokenIsReadAgainAndJudged() {
    String plainToken = initialRefreshToken("grant-plain", nonRotating);
    String rotatingToken = initialRefreshToken("grant-rotating", rotating);
    List<String> calls = new ArrayList<>();
    RefreshTokenStore recordedRefreshTokens = new RecordingRefreshTokenStore(refreshTokens, calls);
    TokenIssuer recordingIssuer =
        new TokenIssuer(new RecordingAccessTokenStore(accessTokens, calls), recordedRefreshTokens, settings, clock);
    RefreshTokenGrantHandler recorded =
        handlerWith(recordedRefreshTokens, new RecordingGrantStore(grants, calls), recordingIssuer, settings);

    recorded.handle(request(plainToken, null), nonRotating);
    assertEquals(List.of("refresh.find", "grants.sessionOf", "grants.holdActive", "refresh.find", "access.save"),
        calls, "the session (whose row a use locks) before the grant, as a logout locks them");

    calls.clear();
    recorded.handle(request(rotatingToken, null), rotating);
    assertEquals(
        List.of("refresh.find", "grants.sessionOf", "grants.holdActive", "refresh.find", "refresh.markRotated",
            "access.save", "refresh.save"),
        calls);
  }

  @Test
  void rfc9700_4_14_2_whenRotatedWhileWaitingForTheGrant_thenReuseRefusedWithoutRevocationWithinGrace() {
    String r1 = initialRefreshToken(rotating);
    ChangedWhileWaitingStore rotatedMeanwhile =
        new ChangedWhileWaitingStore(refreshTokens, t -> withRotatedAt(t, clock.instant()));
    RefreshTokenGrantHandler waiting = handlerWith(rotatedMeanwhile, settings);

    assertOAuthError(OAuthErrorCode.INVALID_GRANT, () -> waiting.handle(request(r1, null), rotating));

    assertEquals(2, rotatedMeanwhile.finds());
    assertEquals(0, rotatedMeanwhile.rotations());
    assertTrue(revoker.revokedGrants().isEmpty());
    assertEquals(1, accessTokens.all().size());
    assertEquals(1, refreshTokens.all().size());
  }

  @Test
  void rfc9700_4_14_2_whenRotatedWhileWaitingForTheGrantAndGraceElapsed_thenGrantRevoked() {
    String r1 = initialRefreshToken(rotating);
    Instant rotatedAt = clock.instant().minus(settings.refreshReuseGrace());
    ChangedWhileWaitingStore rotatedMeanwhile =
        new ChangedWhileWaitingStore(refreshTokens, t -> withRotatedAt(t, rotatedAt));
    RefreshTokenGrantHandler waiting = handlerWith(rotatedMeanwhile, settings);

    assertOAuthError(OAuthErrorCode.INVALID_GRANT, () -> waiting.handle(request(r1, null), rotating));

    assertEquals(0, rotatedMeanwhile.rotations());
    assertEquals(List.of(GRANT), revoker.revokedGrants());
    assertTrue(grants.find(GRANT).orElseThrow().revoked());
    assertEquals(1, accessTokens.all().size());
  }

  @Test
  void rfc7009_2_1_whenTokenRevokedWhileWaitingForTheGrant_thenInvalidGrant() {
    String r1 = initialRefreshToken(nonRotating);
    ChangedWhileWaitingStore revokedMeanwhile =
        new ChangedWhileWaitingStore(refreshTokens, t -> withRevokedAt(t, clock.instant()));

    assertOAuthError(
        OAuthErrorCode.INVALID_GRANT,
        () -> handlerWith(revokedMeanwhile, settings).handle(request(r1, null), nonRotating));

    assertEquals(2, revokedMeanwhile.finds());
    assertEquals(1, accessTokens.all().size());
    assertTrue(revoker.revokedGrants().isEmpty());
  }

  @Test
  void rfc9700_4_14_2_whenConcurrentRotationLost_thenInvalidGrantAndRevokedOnlyWithoutGrace() {
    RefreshTokenStore losing = new LosingRotationStore(refreshTokens);
    String r1 = initialRefreshToken(rotating);

    assertOAuthError(
        OAuthErrorCode.INVALID_GRANT, () -> handlerWith(losing, settings).handle(request(r1, null), rotating));
    assertTrue(revoker.revokedGrants().isEmpty());

    TokenSettings noGrace =
        new TokenSettings(settings.codeTtl(), settings.accessTokenTtl(), settings.refreshTokenTtl(), Duration.ZERO);
    assertOAuthError(
        OAuthErrorCode.INVALID_GRANT, () -> handlerWith(losing, noGrace).handle(request(r1, null), rotating));
    assertEquals(List.of(GRANT), revoker.revokedGrants());
  }

  @Test
  void rfc9700_4_14_2_whenSixteenThreadsRefreshOneToken_thenExactlyOneSucceedsAndNothingRevoked() throws Exception {
    String r1 = initialRefreshToken(rotating);
    int threads = 16;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch ready = new CountDownLatch(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<OAuthErrorCode>> outcomes = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      outcomes.add(
          pool.submit(
              () -> {
                ready.countDown();
                start.await();
                try {
                  refresh(r1, rotating, null);
                  return null;
                } catch (OAuthException e) {
                  return e.code();
                }
              }));
    }
    ready.await();
    start.countDown();

    int successes = 0;
    int invalidGrants = 0;
    for (Future<OAuthErrorCode> outcome : outcomes) {
      OAuthErrorCode result = outcome.get(10, TimeUnit.SECONDS);
      successes += result == null ? 1 : 0;
      invalidGrants += result == OAuthErrorCode.INVALID_GRANT ? 1 : 0;
    }
    pool.shutdown();
    assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
    assertEquals(1, successes);
    assertEquals(threads - 1, invalidGrants);
    assertTrue(revoker.revokedGrants().isEmpty());
    assertFalse(grants.find(GRANT).orElseThrow().revoked());
  }

  @Test
  void rfc6749_5_2_whenTheUserMayNoLongerHaveTokens_thenInvalidGrantAndTheGrantRevoked() {
    String r1 = initialRefreshToken(rotating);
    inactive.add("alice");

    assertOAuthError(OAuthErrorCode.INVALID_GRANT, () -> refresh(r1, rotating, null));

    assertEquals(List.of(GRANT), revoker.revokedGrants());
    assertEquals(List.of(GrantRevoker.Cause.USER_INACTIVE), revoker.causes());
    assertEquals(1, accessTokens.all().size(), "nothing issued");
    inactive.clear();
    assertOAuthError(OAuthErrorCode.INVALID_GRANT, () -> refresh(r1, rotating, null));
  }

  @Test
  void rfc6749_5_2_whenTheUserLostTheRoleTheClientsAccessPolicyNeeds_thenInvalidGrantAndTheGrantRevoked() {
    Client staffOnly = rotating.toBuilder().accessPolicy(new AccessPolicy(Set.of("staff"), Set.of("ops"))).build();
    members.put("alice", new AccessPolicy.Member(Set.of("staff"), Set.of()));
    String r1 = initialRefreshToken(staffOnly);
    String r2 = refresh(r1, staffOnly, null).refreshToken().orElseThrow();
    members.put("alice", new AccessPolicy.Member(Set.of("other"), Set.of("sales")));

    assertOAuthError(OAuthErrorCode.INVALID_GRANT, () -> refresh(r2, staffOnly, null));

    assertEquals(List.of(GRANT), revoker.revokedGrants());
    assertEquals(List.of(GrantRevoker.Cause.ACCESS_POLICY), revoker.causes());
    assertNotNull(stored(r2).revokedAt());
  }

  @Test
  void rfc6749_5_2_whenTheUserIsInAGroupOfTheClientsAccessPolicy_thenTheRefreshGoesOn() {
    Client opsOnly = rotating.toBuilder().accessPolicy(new AccessPolicy(Set.of(), Set.of("Ops"))).build();
    members.put("alice", new AccessPolicy.Member(Set.of(), Set.of("ops")));
    String r1 = initialRefreshToken(opsOnly);

    assertTrue(refresh(r1, opsOnly, null).refreshToken().isPresent());
    assertTrue(revoker.causes().isEmpty());
  }

  @Test
  void oidcCore_11_whenTheSessionOfAGrantWithoutOfflineAccessExpired_thenInvalidGrantAndTheGrantRevoked() {
    String r1 = initialRefreshToken(GRANT, rotating, ORIGINAL, signedIn());
    clock.advance(lifetimes.idle());

    assertOAuthError(OAuthErrorCode.INVALID_GRANT, () -> refresh(r1, rotating, null));

    assertEquals(List.of(GrantRevoker.Cause.SESSION_ENDED), revoker.causes());
    assertTrue(grants.find(GRANT).orElseThrow().revoked());
  }

  @Test
  void oidcCore_11_whenTheSessionEnded_thenAnOnlineGrantFails_andAnOfflineGrantOfTheSameSessionRefreshes() {
    String sid = signedIn();
    String online = initialRefreshToken("grant-online", nonRotating, ORIGINAL, sid);
    Set<String> offlineScopes = Set.of("openid", "offline_access");
    String offline = initialRefreshToken("grant-offline", nonRotating, offlineScopes, sid);
    sessions.end(sid, clock.instant());
    clock.advance(lifetimes.absolute());

    assertOAuthError(OAuthErrorCode.INVALID_GRANT, () -> refresh(online, nonRotating, null));
    assertEquals(offlineScopes, Set.of(refresh(offline, nonRotating, null).scope().split(" ")));
    assertEquals(List.of("grant-online"), revoker.revokedGrants());
    assertEquals(List.of(), sessions.touches(), "an offline grant neither needs the session nor keeps it alive");
  }

  @Test
  void oidcCore_11_whenAGrantWithoutOfflineAccessIsRefreshed_thenItsSessionIsUsedUpToItsAbsoluteEnd() {
    String sid = signedIn();
    Instant signedInAt = clock.instant();
    String token = initialRefreshToken(GRANT, nonRotating, ORIGINAL, sid);
    for (Duration step = Duration.ZERO; step.compareTo(lifetimes.absolute()) < 0; step = step.plusMinutes(20)) {
      refresh(token, nonRotating, null);
      assertEquals(lifetimes.expiresAt(signedInAt, clock.instant()), sessions.find(sid).orElseThrow().expiresAt());
      clock.advance(Duration.ofMinutes(20));
    }
    assertOAuthError(OAuthErrorCode.INVALID_GRANT, () -> refresh(token, nonRotating, null));
    assertEquals(List.of(GrantRevoker.Cause.SESSION_ENDED), revoker.causes(), "the absolute end holds");
  }

  @Test
  void oidcCore_11_whenUsedWithinTheTouchInterval_thenTheSessionRowIsNotWrittenAgain() {
    String sid = signedIn();
    String token = initialRefreshToken(GRANT, nonRotating, ORIGINAL, sid);
    refresh(token, nonRotating, null);
    clock.advance(lifetimes.touchInterval().minusMillis(1));
    refresh(token, nonRotating, null);
    assertEquals(List.of(), sessions.touches(), "signed in just now: nothing to record yet");
    clock.advance(Duration.ofMillis(1));
    refresh(token, nonRotating, null);
    assertEquals(List.of(sid), sessions.touches());
  }

  @Test
  void rfc9700_4_14_2_whenARotatedTokenIsReusedAfterItsSessionEnded_thenStillReportedAsAReplay() {
    String r1 = initialRefreshToken(GRANT, rotating, ORIGINAL, signedIn());
    refresh(r1, rotating, null);
    clock.advance(lifetimes.idle());

    assertOAuthError(OAuthErrorCode.INVALID_GRANT, () -> refresh(r1, rotating, null));

    assertEquals(List.of(GrantRevoker.Cause.REPLAY), revoker.causes());
  }

  /**
   * Finds the token as stored the first time and changed the second time: a rotation or revocation that committed while
   * the request waited for its grant's lock. Counts the calls so tests can tell the token was read again.
   */
  private static final class ChangedWhileWaitingStore implements RefreshTokenStore {
    private final RefreshTokenStore delegate;
    private final UnaryOperator<RefreshToken> change;
    private final AtomicInteger finds = new AtomicInteger();
    private final AtomicInteger rotations = new AtomicInteger();

    ChangedWhileWaitingStore(RefreshTokenStore delegate, UnaryOperator<RefreshToken> change) {
      this.delegate = delegate;
      this.change = change;
    }

    @Override
    public void save(RefreshToken token) {
      delegate.save(token);
    }

    @Override
    public Optional<RefreshToken> find(String hash) {
      Optional<RefreshToken> found = delegate.find(hash);
      return finds.incrementAndGet() == 1 ? found : found.map(change);
    }

    @Override
    public boolean markRotated(String hash, Instant now) {
      rotations.incrementAndGet();
      return delegate.markRotated(hash, now);
    }

    int finds() {
      return finds.get();
    }

    int rotations() {
      return rotations.get();
    }
  }

  private static RefreshToken withRotatedAt(RefreshToken t, Instant rotatedAt) {
    return new RefreshToken(
        t.hash(), t.grantId(), t.clientId(), t.subject(), t.scopes(), t.authTime(), t.issuedAt(), t.expiresAt(),
        rotatedAt, t.revokedAt());
  }

  private static RefreshToken withRevokedAt(RefreshToken t, Instant revokedAt) {
    return new RefreshToken(
        t.hash(), t.grantId(), t.clientId(), t.subject(), t.scopes(), t.authTime(), t.issuedAt(), t.expiresAt(),
        t.rotatedAt(), revokedAt);
  }

  /** Finds tokens normally but always loses the rotation race, as when another request rotated it first. */
  private static final class LosingRotationStore implements RefreshTokenStore {
    private final RefreshTokenStore delegate;

    LosingRotationStore(RefreshTokenStore delegate) {
      this.delegate = delegate;
    }

    @Override
    public void save(RefreshToken token) {
      delegate.save(token);
    }

    @Override
    public Optional<RefreshToken> find(String hash) {
      return delegate.find(hash);
    }

    @Override
    public boolean markRotated(String hash, Instant now) {
      return false;
    }
  }

  private static final String ORDERS = "https://orders.example/api";
  private static final String BILLING = "https://billing.example/";

  /** Opens {@link #GRANT} for {@code resources}, as a code granted for them would, and issues its refresh token. */
  private String refreshTokenFor(Client client, Set<String> resources) {
    Instant now = clock.instant();
    grants.open(GRANT, client.clientId(), "alice", ORIGINAL, now, now.plus(settings.refreshTokenTtl()), null);
    TokenIssuer.Rights rights = new TokenIssuer.Rights(ORIGINAL, resources);
    return issuer.issue(IssueRequest.of(GRANT, client, rights).forSubject("alice")
        .withRefreshToken()).refreshToken().orElseThrow();
  }

  private static TokenRequest requestFor(String token, String... resources) {
    return new TokenRequest("refresh_token", Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(token),
        Optional.empty(), List.of(resources));
  }

  private Set<String> audienceOf(TokenResponse response) {
    return accessTokens.findActive(TokenHash.of(response.accessToken()), clock.instant()).orElseThrow().resources();
  }

  @Test
  void rfc8707_2_2_whenRefreshNamesOneGrantedResource_thenNarrowerAccessToken_andTheNextRefreshMayAskForAllAgain() {
    Client client = TestClients.withResources(rotating, ORDERS, BILLING);
    String r1 = refreshTokenFor(client, Set.of(ORDERS, BILLING));

    TokenResponse narrowed = handler.handle(requestFor(r1, ORDERS), client);

    assertEquals(Set.of(ORDERS), audienceOf(narrowed));
    String r2 = narrowed.refreshToken().orElseThrow();
    assertEquals(Set.of(ORDERS, BILLING), stored(r2).resources());
    assertEquals(Set.of(ORDERS, BILLING), audienceOf(handler.handle(requestFor(r2), client)));
  }

  @Test
  void rfc8707_2_2_whenRefreshNamesAResourceOutsideTheGrant_thenInvalidTarget_andTheTokenStillWorks() {
    Client client = TestClients.withResources(rotating, ORDERS, BILLING);
    String r1 = refreshTokenFor(client, Set.of(ORDERS));

    assertOAuthError(OAuthErrorCode.INVALID_TARGET, () -> handler.handle(requestFor(r1, BILLING), client));
    assertOAuthError(OAuthErrorCode.INVALID_TARGET, () -> handler.handle(requestFor(r1, ORDERS, BILLING), client));

    assertNull(stored(r1).rotatedAt());
    assertEquals(Set.of(ORDERS), audienceOf(handler.handle(requestFor(r1), client)));
  }

  @Test
  void rfc8707_2_2_whenGrantForNoResourceAndRefreshNamesOne_thenInvalidTarget() {
    Client client = TestClients.withResources(nonRotating, ORDERS);
    String r1 = refreshTokenFor(client, Set.of());

    assertOAuthError(OAuthErrorCode.INVALID_TARGET, () -> handler.handle(requestFor(r1, ORDERS), client));
    assertEquals(Set.of(), audienceOf(handler.handle(requestFor(r1), client)));
  }

  @Test
  void whenTheOperatorTookAGrantedResourceAwayFromTheClient_thenTheRefreshIsInvalidTarget() {
    String r1 = refreshTokenFor(TestClients.withResources(nonRotating, ORDERS, BILLING), Set.of(ORDERS, BILLING));
    Client narrowedRegistration = TestClients.withResources(nonRotating, ORDERS);

    assertOAuthError(OAuthErrorCode.INVALID_TARGET, () -> handler.handle(requestFor(r1), narrowedRegistration));
    assertEquals(Set.of(ORDERS), audienceOf(handler.handle(requestFor(r1, ORDERS), narrowedRegistration)));
  }
}
