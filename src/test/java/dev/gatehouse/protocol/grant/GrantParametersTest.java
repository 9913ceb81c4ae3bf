package dev.gatehouse.protocol.grant;

import static dev.gatehouse.protocol.error.OAuthAssertions.assertOAuthError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gatehouse.protocol.client.Client;
import dev.gatehouse.protocol.client.TestClients;
import dev.gatehouse.protocol.error.OAuthErrorCode;
import dev.gatehouse.protocol.error.OAuthException;
import dev.gatehouse.protocol.request.FormBody;
import dev.gatehouse.protocol.request.GrantType;
import dev.gatehouse.protocol.request.TokenRequest;
import dev.gatehouse.protocol.session.SessionLifetimes;
import dev.gatehouse.protocol.store.AccessToken;
import dev.gatehouse.protocol.store.AuthorizationCode;
import dev.gatehouse.protocol.store.InMemoryAccessTokenStore;
import dev.gatehouse.protocol.store.InMemoryAuthorizationCodeStore;
import dev.gatehouse.protocol.store.InMemoryGrantRevoker;
import dev.gatehouse.protocol.store.InMemoryGrantStore;
import dev.gatehouse.protocol.store.InMemoryRefreshTokenStore;
import dev.gatehouse.protocol.store.InMemorySsoSessionStore;
import dev.gatehouse.protocol.support.MutableClock;
import dev.gatehouse.protocol.support.RandomTokens;
import dev.gatehouse.protocol.support.UrlEncoding;
import dev.gatehouse.protocol.token.IssueRequest;
import dev.gatehouse.protocol.token.TokenHash;
import dev.gatehouse.protocol.token.TokenIssuer;
import dev.gatehouse.protocol.token.TokenResponse;
import dev.gatehouse.protocol.token.TokenSettings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each grant's parameter list is exactly what it reads, and nothing else reaches it: a wrong value of a declared
 * parameter changes the outcome, a wrong value of any other grant parameter (even sent twice) changes nothing. The
 * requests go the token endpoint's way, {@link GrantHandlers#parse} then {@link GrantHandlers#handle}.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-3.2">RFC 6749 §3.2</a>
 */
class GrantParametersTest {
  private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
  private static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
  private static final String ORDERS = "https://orders.example/";
  private static final Set<String> SCOPES = Set.of("openid", "api");

  /** A value of each grant parameter that no grant would accept here. */
  private static final Map<String, String> WRONG = Map.of(
      TokenRequest.CODE, "not-a-code-of-this-server",
      TokenRequest.REDIRECT_URI, "https://evil.example/cb",
      TokenRequest.CODE_VERIFIER, "wrong-verifier-wrong-verifier-wrong-verifier",
      TokenRequest.REFRESH_TOKEN, "not-a-refresh-token-of-this-server",
      TokenRequest.SCOPE, "admin",
      TokenRequest.RESOURCE, "https://evil.example/");

  private final MutableClock clock = MutableClock.startingAt2025();
  private final TokenSettings settings = TokenSettings.defaults();
  private final InMemoryAuthorizationCodeStore codes = new InMemoryAuthorizationCodeStore();
  private final InMemoryAccessTokenStore accessTokens = new InMemoryAccessTokenStore();
  private final InMemoryRefreshTokenStore refreshTokens = new InMemoryRefreshTokenStore();
  private final InMemoryGrantStore grants = new InMemoryGrantStore();
  private final InMemoryGrantRevoker revoker = new InMemoryGrantRevoker(accessTokens, refreshTokens, grants);
  private final TokenIssuer issuer = new TokenIssuer(accessTokens, refreshTokens, settings, clock);
  private final SessionLifetimes lifetimes =
      new SessionLifetimes(Duration.ofMinutes(30), Duration.ofHours(10), Duration.ofMinutes(1));
  private final GrantHandlers handlers = new GrantHandlers(List.of(
      new AuthorizationCodeGrantHandler(codes, grants, revoker, issuer, settings, subject -> true, clock),
      new RefreshTokenGrantHandler(refreshTokens, grants, revoker, issuer, settings,
          new SessionBoundRefresh(grants, new InMemorySsoSessionStore(), lifetimes), subject -> true, clock),
      new ClientCredentialsGrantHandler(issuer)));
  private final Client app = TestClients.withResources(TestClients.confidential("app"), ORDERS);

  @Test
  void rfc6749_3_2_eachGrantDeclaresTheParametersOfItsSection() {
    assertEquals(Set.of("code", "redirect_uri", "code_verifier", "resource"),
        handler(GrantType.AUTHORIZATION_CODE).parameters());
    assertEquals(Set.of("refresh_token", "scope", "resource"), handler(GrantType.REFRESH_TOKEN).parameters());
    assertEquals(Set.of("scope", "resource"), handler(GrantType.CLIENT_CREDENTIALS).parameters());
  }

  @ParameterizedTest
  @EnumSource(GrantType.class)
  void rfc6749_3_2_whenAnotherGrantsParameterIsWrongAndRepeated_thenIgnored_andTheOutcomeUnchanged(GrantType type) {
    Set<String> declared = handler(type).parameters();
    TokenResponse clean = token(valid(type));
    for (String name : TokenRequest.GRANT_PARAMETERS) {
      if (declared.contains(name)) {
        continue;
      }
      String wrong = "&" + name + "=" + UrlEncoding.encode(WRONG.get(name));
      TokenResponse poisoned = token(valid(type) + wrong + wrong);

      assertEquals(clean.scope(), poisoned.scope(), type.value() + " read " + name);
      assertEquals(stored(clean).resources(), stored(poisoned).resources(), type.value() + " read " + name);
      assertEquals(clean.refreshToken().isPresent(), poisoned.refreshToken().isPresent(), name);
    }
  }

  @ParameterizedTest
  @EnumSource(GrantType.class)
  void rfc6749_3_2_whenADeclaredParameterIsWrong_thenTheGrantFails_andRepeatedSingleOneIsInvalidRequest(GrantType type) {
    for (String name : handler(type).parameters()) {
      String body = without(valid(type), name) + "&" + name + "=" + UrlEncoding.encode(WRONG.get(name));
      OAuthException refused = assertThrows(OAuthException.class, () -> token(body));
      assertNotEquals(OAuthErrorCode.INVALID_REQUEST, refused.code(),
          type.value() + " must judge " + name + ", not miss it");

      // RFC 8707 §2: "Multiple resource parameters MAY be used"; every other one is single (RFC 6749 §3.2).
      if (!name.equals(TokenRequest.RESOURCE)) {
        String repeated = valid(type) + "&" + name + "=x&" + name + "=y";
        assertOAuthError(OAuthErrorCode.INVALID_REQUEST, () -> token(repeated));
      }
    }
  }

  private GrantHandler handler(GrantType type) {
    return handlers.forRequest(handlers.parse(FormBody.parse("grant_type=" + type.value(), 100)), app);
  }

  private TokenResponse token(String body) {
    TokenRequest request = handlers.parse(FormBody.parse(body.getBytes(StandardCharsets.UTF_8), 8192));
    return handlers.handle(request, app);
  }

  private AccessToken stored(TokenResponse response) {
    return accessTokens.findActive(TokenHash.of(response.accessToken()), clock.instant()).orElseThrow();
  }

  /** A request that succeeds: a fresh code, a fresh refresh token, or the client's own credentials. */
  private String valid(GrantType type) {
    return switch (type) {
      case AUTHORIZATION_CODE -> "grant_type=authorization_code&code=" + freshCode() + "&redirect_uri="
          + UrlEncoding.encode(TestClients.REDIRECT) + "&code_verifier=" + VERIFIER;
      case REFRESH_TOKEN -> "grant_type=refresh_token&refresh_token=" + freshRefreshToken();
      case CLIENT_CREDENTIALS -> "grant_type=client_credentials";
    };
  }

  private static String without(String body, String name) {
    return body.replaceAll("&" + name + "=[^&]*", "");
  }

  private String freshCode() {
    String code = RandomTokens.generate();
    Instant now = clock.instant();
    codes.save(new AuthorizationCode(TokenHash.of(code), "grant-" + code, "app", "alice", TestClients.REDIRECT,
        SCOPES, CHALLENGE, null, now.minusSeconds(5), now, now.plus(settings.codeTtl()), null, Set.of(ORDERS)));
    return code;
  }

  private String freshRefreshToken() {
    String grantId = "grant-" + RandomTokens.generate();
    Instant now = clock.instant();
    grants.open(grantId, "app", "alice", SCOPES, now, now.plus(settings.refreshTokenTtl()), null);
    return issuer.issue(IssueRequest.of(grantId, app, new TokenIssuer.Rights(SCOPES, Set.of(ORDERS)))
        .forSubject("alice").withRefreshToken()).refreshToken().orElseThrow();
  }
}
