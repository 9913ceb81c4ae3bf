package dev.gatehouse.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

/** Whole flows the tests start from: a fresh code, or fresh tokens, for a bootstrap client and user. */
public final class Flows {
  private Flows() {}

  /** Signs in (if needed), consents (if asked) and returns the code delivered to the client's redirect URI. */
  public static String code(UserAgent agent, String clientId, String redirectUri, String scope, Pkce pkce,
      String username, String password) {
    String state = UUID.randomUUID().toString();
    URI back = agent.authorizeAndAllow(
        Fixtures.authorizeParams(clientId, redirectUri, scope, pkce, state), username, password);
    Map<String, String> query = Fixtures.query(back);
    assertEquals(state, query.get("state"), "state echoed (RFC 6749 §4.1.2)");
    assertEquals(Fixtures.issuer(), query.get("iss"), "iss in the response (RFC 9207 §2)");
    assertNotNull(query.get("code"), () -> "no code in " + back);
    return query.get("code");
  }

  /** Tokens for it-basic and alice with the given scope. */
  public static TokenClient.Answer basicClientTokens(URI base, String scope) {
    UserAgent agent = new UserAgent(base);
    Pkce pkce = Pkce.create();
    String code = code(agent, Fixtures.BASIC, Fixtures.BASIC_REDIRECT, scope, pkce, Fixtures.ALICE,
        Fixtures.ALICE_PASSWORD);
    TokenClient.Answer answer = new TokenClient(base).post(
        Fixtures.codeRedemption(code, Fixtures.BASIC_REDIRECT, pkce), Fixtures.BASIC, Fixtures.BASIC_SECRET);
    assertEquals(200, answer.status(), () -> answer.json().toString());
    return answer;
  }

  /** An access token (scope read) for it-basic and this user, from a fresh browser: a new SSO session each time. */
  public static String basicClientTokensFor(URI base, String username, String password) {
    return accessToken(base, Fixtures.BASIC, Fixtures.BASIC_SECRET, Fixtures.BASIC_REDIRECT, "read", username,
        password);
  }

  /** An access token for a confidential client and a user, from a fresh browser (sign-in and consent as needed). */
  public static String accessToken(URI base, String clientId, String secret, String redirectUri, String scope,
      String username, String password) {
    Pkce pkce = Pkce.create();
    String code = code(new UserAgent(base), clientId, redirectUri, scope, pkce, username, password);
    TokenClient.Answer answer = new TokenClient(base).post(
        Fixtures.codeRedemption(code, redirectUri, pkce), clientId, secret);
    assertEquals(200, answer.status(), () -> answer.json().toString());
    return answer.string("access_token");
  }
}
