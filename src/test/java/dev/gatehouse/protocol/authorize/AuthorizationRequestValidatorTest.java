package dev.gatehouse.protocol.authorize;

import static dev.gatehouse.protocol.error.OAuthAssertions.assertOAuthError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.protocol.client.Client;
import dev.gatehouse.protocol.client.TestClients;
import dev.gatehouse.protocol.error.OAuthErrorCode;
import dev.gatehouse.protocol.request.FormBody;
import dev.gatehouse.protocol.request.GrantType;
import dev.gatehouse.protocol.request.Parameters;
import dev.gatehouse.protocol.store.InMemoryClientStore;
import dev.gatehouse.protocol.support.UrlEncoding;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AuthorizationRequestValidatorTest {
  private static final String REDIRECT = "https://app.example/callback";
  private static final String SECOND = "https://app.example/other";
  private static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
  private static final String ORDERS = "https://orders.example/api";
  private static final String BILLING = "https://billing.example/";

  private final InMemoryClientStore clients =
      new InMemoryClientStore(
          TestClients.confidential("app"),
          TestClients.publicClient("spa"),
          TestClients.withRedirects(TestClients.confidential("multi"), List.of(REDIRECT, SECOND)),
          TestClients.withGrants(TestClients.confidential("machine"), Set.of(GrantType.CLIENT_CREDENTIALS)),
          TestClients.withResources(TestClients.confidential("orders-ui"), ORDERS, BILLING));
  private final AuthorizationRequestValidator validator = new AuthorizationRequestValidator(clients);

  private static Parameters query(String query) {
    return FormBody.parse(query, 8192);
  }

  private static String enc(String value) {
    return UrlEncoding.encode(value);
  }

  private InvalidClientOrRedirectException unredirectable(String query) {
    return assertThrows(InvalidClientOrRedirectException.class, () -> validator.resolveRedirect(query(query)));
  }

  private ValidatedAuthorization validate(String query) {
    Parameters p = query(query);
    return validator.validate(validator.resolveRedirect(p), p);
  }

  private void assertRedirectableError(OAuthErrorCode expected, String query) {
    Parameters p = query(query);
    RedirectTarget target = validator.resolveRedirect(p);
    assertOAuthError(expected, () -> validator.validate(target, p));
  }

  @Test
  void rfc6749_4_1_1_whenValidRequest_thenValidatedWithEverything() {
    ValidatedAuthorization v =
        validate(
            "response_type=code&client_id=spa&redirect_uri=" + enc(REDIRECT) + "&scope=openid+api&state=xyz"
                + "&code_challenge=" + CHALLENGE + "&code_challenge_method=S256&nonce=n1&prompt=login");

    assertEquals("spa", v.client().clientId());
    assertEquals(REDIRECT, v.redirectUri());
    assertTrue(v.redirectUriSent());
    assertEquals(Set.of("api", "openid"), v.scopes());
    assertEquals(Optional.of("xyz"), v.state());
    assertEquals(Optional.of(CHALLENGE), v.codeChallenge());
    assertEquals(Optional.of("n1"), v.nonce());
    assertEquals(Set.of("login"), v.prompt());
  }

  @Test
  void rfc6749_3_1_2_3_whenRedirectUriHasTrailingSlash_thenNotRedirected() {
    assertEquals(
        OAuthErrorCode.INVALID_REQUEST,
        unredirectable("response_type=code&client_id=app&redirect_uri=" + enc(REDIRECT + "/")).code());
  }

  @Test
  void rfc6749_3_1_2_3_whenRedirectUriDiffersInCase_thenNotRedirected() {
    unredirectable("response_type=code&client_id=app&redirect_uri=" + enc("https://APP.example/callback"));
    unredirectable("response_type=code&client_id=app&redirect_uri=" + enc("https://app.example/Callback"));
  }

  @Test
  void rfc9700_2_1_whenRedirectUriHasExtraQuery_thenNotRedirected() {
    unredirectable("response_type=code&client_id=app&redirect_uri=" + enc(REDIRECT + "?next=evil"));
  }

  @Test
  void rfc9700_2_1_whenRedirectUriUsesHttpInsteadOfHttps_thenNotRedirected() {
    unredirectable("response_type=code&client_id=app&redirect_uri=" + enc("http://app.example/callback"));
  }

  @Test
  void rfc9700_2_1_whenRedirectUriAddsPortOrFragment_thenNotRedirected() {
    unredirectable("response_type=code&client_id=app&redirect_uri=" + enc("https://app.example:443/callback"));
    unredirectable("response_type=code&client_id=app&redirect_uri=" + enc(REDIRECT + "#x"));
  }

  @Test
  void rfc6749_4_1_2_1_whenClientUnknown_thenNotRedirected() {
    assertEquals(
        OAuthErrorCode.INVALID_CLIENT,
        unredirectable("response_type=code&client_id=nobody&redirect_uri=" + enc(REDIRECT)).code());
  }

  @Test
  void rfc6749_4_1_2_1_whenClientIdMissingOrRepeated_thenNotRedirected() {
    unredirectable("response_type=code&redirect_uri=" + enc(REDIRECT));
    unredirectable("response_type=code&client_id=app&client_id=app&redirect_uri=" + enc(REDIRECT));
  }

  @Test
  void rfc6749_4_1_2_1_whenRedirectUriRepeated_thenNotRedirected() {
    unredirectable("client_id=app&redirect_uri=" + enc(REDIRECT) + "&redirect_uri=" + enc(REDIRECT));
  }

  @Test
  void rfc6749_3_1_2_3_whenRedirectUriOmittedAndOneRegistered_thenThatOneUsed() {
    RedirectTarget target = validator.resolveRedirect(query("response_type=code&client_id=app&state=s1"));

    assertEquals(REDIRECT, target.redirectUri());
    assertFalse(target.redirectUriSent());
    assertEquals(Optional.of("s1"), target.state());
  }

  @Test
  void rfc6749_3_1_2_3_whenRedirectUriOmittedAndTwoRegistered_thenNotRedirected() {
    unredirectable("response_type=code&client_id=multi");
  }

  @Test
  void rfc6749_3_1_2_3_whenSecondRegisteredUriSentExactly_thenAccepted() {
    assertEquals(SECOND, validate("response_type=code&client_id=multi&redirect_uri=" + enc(SECOND)).redirectUri());
  }

  @Test
  void rfc6749_4_1_2_1_whenStateRepeated_thenTargetHasNoStateAndValidateIsInvalidRequest() {
    Parameters p = query("response_type=code&client_id=app&state=a&state=b");
    RedirectTarget target = validator.resolveRedirect(p);

    assertEquals(Optional.empty(), target.state());
    assertOAuthError(OAuthErrorCode.INVALID_REQUEST, () -> validator.validate(target, p));
  }

  @Test
  void rfc6749_3_1_whenOtherParameterRepeated_thenRedirectableInvalidRequest() {
    assertRedirectableError(OAuthErrorCode.INVALID_REQUEST, "response_type=code&client_id=app&scope=api&scope=api");
    assertRedirectableError(
        OAuthErrorCode.INVALID_REQUEST, "response_type=code&response_type=code&client_id=app");
  }

  @Test
  void rfc6749_4_1_1_whenResponseTypeMissing_thenInvalidRequest() {
    assertRedirectableError(OAuthErrorCode.INVALID_REQUEST, "client_id=app");
  }

  @Test
  void rfc6749_4_1_2_1_whenResponseTypeNotCode_thenUnsupportedResponseType() {
    assertRedirectableError(OAuthErrorCode.UNSUPPORTED_RESPONSE_TYPE, "response_type=token&client_id=app");
    assertRedirectableError(OAuthErrorCode.UNSUPPORTED_RESPONSE_TYPE, "response_type=code+id_token&client_id=app");
  }

  @Test
  void rfc6749_4_1_2_1_whenClientLacksAuthorizationCodeGrant_thenUnauthorizedClient() {
    assertRedirectableError(OAuthErrorCode.UNAUTHORIZED_CLIENT, "response_type=code&client_id=machine");
  }

  @Test
  void rfc6749_3_3_whenScopeWiderThanRegistered_thenInvalidScope() {
    assertRedirectableError(OAuthErrorCode.INVALID_SCOPE, "response_type=code&client_id=app&scope=openid+admin");
  }

  @Test
  void rfc6749_3_3_whenScopeMalformed_thenInvalidScope() {
    assertRedirectableError(OAuthErrorCode.INVALID_SCOPE, "response_type=code&client_id=app&scope=openid++api");
  }

  @Test
  void rfc6749_3_3_whenScopeOmitted_thenClientsRegisteredScopesButOpenid() {
    Client app = clients.find("app").orElseThrow();
    Set<String> expected = new java.util.TreeSet<>(app.scopes());
    expected.remove("openid");

    assertEquals(expected, validate("response_type=code&client_id=app").scopes());
  }

  @Test
  void rfc7636_4_4_1_whenPublicClientWithoutPkce_thenInvalidRequest() {
    assertRedirectableError(OAuthErrorCode.INVALID_REQUEST, "response_type=code&client_id=spa");
  }

  @Test
  void rfc7636_4_4_1_whenPublicClientWithPlainPkce_thenInvalidRequest() {
    assertRedirectableError(
        OAuthErrorCode.INVALID_REQUEST,
        "response_type=code&client_id=spa&code_challenge=" + CHALLENGE + "&code_challenge_method=plain");
  }

  @Test
  void rfc7636_4_3_whenConfidentialClientWithoutPkce_thenAccepted() {
    assertEquals(Optional.empty(), validate("response_type=code&client_id=app").codeChallenge());
  }

  @Test
  void oidcCore_3_1_2_1_whenPromptNoneWithOthers_thenInvalidRequest() {
    assertRedirectableError(OAuthErrorCode.INVALID_REQUEST, "response_type=code&client_id=app&prompt=none+login");
  }

  @Test
  void oidcCore_3_1_2_1_whenPromptUnknown_thenInvalidRequest() {
    assertRedirectableError(OAuthErrorCode.INVALID_REQUEST, "response_type=code&client_id=app&prompt=bogus");
  }

  @Test
  void oidcCore_3_1_2_1_whenPromptHasSeveralValues_thenParsedAsSet() {
    assertEquals(
        Set.of("consent", "login"), validate("response_type=code&client_id=app&prompt=login+consent").prompt());
    assertEquals(Set.of("none"), validate("response_type=code&client_id=app&prompt=none").prompt());
  }

  @Test
  void rfc6749_4_1_1_whenUnknownParametersSent_thenIgnored() {
    validate("response_type=code&client_id=app&foo=1&foo=2&response_mode=query");
  }

  @Test
  void oidcCore_3_1_2_1_whenOpenidWithoutRedirectUri_thenInvalidRequest() {
    assertRedirectableError(OAuthErrorCode.INVALID_REQUEST, "response_type=code&client_id=app&scope=openid");
  }

  @Test
  void oidcCore_3_1_2_1_whenScopeOmitted_thenDefaultIsAnOAuthRequestWithoutOpenid() {
    ValidatedAuthorization v = validate("response_type=code&client_id=app");
    assertFalse(v.isOpenId());
    assertEquals(Set.of("api", "email", "profile"), v.scopes());
  }

  @Test
  void oidcCore_3_1_2_1_maxAge_whenNotANonNegativeInteger_thenInvalidRequest() {
    // An empty max_age is an omitted one (RFC 6749 §3.1); these are not numbers of seconds.
    for (String bad : List.of("-1", "abc", "1.5", "%2B5", "99999999999")) {
      assertRedirectableError(OAuthErrorCode.INVALID_REQUEST,
          "response_type=code&client_id=app&redirect_uri=" + enc(REDIRECT) + "&scope=openid&max_age=" + bad);
    }
    ValidatedAuthorization v = validate(
        "response_type=code&client_id=app&redirect_uri=" + enc(REDIRECT) + "&scope=openid&max_age=300");
    assertEquals(Optional.of(java.time.Duration.ofSeconds(300)), v.maxAge());
  }

  @Test
  void oidcCore_3_1_2_1_loginHintAndUiLocales_whenSent_thenKept() {
    ValidatedAuthorization v = validate("response_type=code&client_id=app&redirect_uri=" + enc(REDIRECT)
        + "&scope=openid&login_hint=alice&ui_locales=" + enc("zh-CN en"));
    assertEquals(Optional.of("alice"), v.loginHint());
    assertEquals(List.of("zh-CN", "en"), v.uiLocales());
  }

  @Test
  void oidcCore_6_whenRequestObjectOrUri_thenNotSupportedErrors() {
    String base = "response_type=code&client_id=app&redirect_uri=" + enc(REDIRECT) + "&scope=openid";
    assertRedirectableError(OAuthErrorCode.REQUEST_NOT_SUPPORTED, base + "&request=eyJhbGciOiJub25lIn0.e30.");
    assertRedirectableError(OAuthErrorCode.REQUEST_URI_NOT_SUPPORTED,
        base + "&request_uri=" + enc("https://app.example/req.jwt"));
  }

  @Test
  void oidcCore_3_1_2_1_idTokenHint_whenNoKeysConfigured_thenInvalidRequest() {
    assertRedirectableError(OAuthErrorCode.INVALID_REQUEST, "response_type=code&client_id=app&redirect_uri="
        + enc(REDIRECT) + "&scope=openid&id_token_hint=abc.def.ghi");
  }

  /** Multiple Response Type Encoding Practices §2.1: response_mode query is the default of response_type code. */
  @Test
  void oauthResponseModes_2_1_whenResponseModeQuery_thenAccepted() {
    ValidatedAuthorization v = validate("response_type=code&client_id=app&redirect_uri=" + enc(REDIRECT)
        + "&response_mode=query");
    assertEquals("app", v.client().clientId());
  }

  /**
   * RFC 6749 §4.1.2.1 invalid_request: "includes an invalid parameter value". A mode Gatehouse does not implement is
   * refused, not ignored: the client would otherwise wait for a fragment or a form post that never comes.
   */
  @Test
  void rfc6749_4_1_2_1_whenResponseModeOtherThanQuery_thenInvalidRequestRedirected() {
    for (String mode : List.of("fragment", "form_post", "query.jwt", "jwt", "QUERY", "web_message")) {
      assertRedirectableError(OAuthErrorCode.INVALID_REQUEST,
          "response_type=code&client_id=app&redirect_uri=" + enc(REDIRECT) + "&response_mode=" + enc(mode));
    }
  }

  @Test
  void rfc6749_3_1_whenResponseModeRepeated_thenInvalidRequest() {
    assertRedirectableError(OAuthErrorCode.INVALID_REQUEST, "response_type=code&client_id=app&redirect_uri="
        + enc(REDIRECT) + "&response_mode=query&response_mode=query");
  }

  @Test
  void rfc8707_2_1_whenResourcesRegisteredForTheClient_thenBoundToTheRequest() {
    ValidatedAuthorization v = validate("response_type=code&client_id=orders-ui&redirect_uri=" + enc(REDIRECT)
        + "&resource=" + enc(ORDERS) + "&resource=" + enc(BILLING));
    assertEquals(Set.of(ORDERS, BILLING), v.resources());
    assertEquals(Set.of(), validate("response_type=code&client_id=orders-ui&redirect_uri=" + enc(REDIRECT))
        .resources());
  }

  @Test
  void rfc8707_2_whenResourceNotRegisteredForTheClientOrMalformed_thenInvalidTargetRedirected() {
    String base = "response_type=code&client_id=orders-ui&redirect_uri=" + enc(REDIRECT) + "&resource=";
    assertRedirectableError(OAuthErrorCode.INVALID_TARGET, base + enc("https://hr.example/"));
    assertRedirectableError(OAuthErrorCode.INVALID_TARGET, base + enc(ORDERS) + "&resource=" + enc("/relative"));
    assertRedirectableError(OAuthErrorCode.INVALID_TARGET, base + enc(ORDERS + "#fragment"));
    // A client registered for no resource may name none.
    assertRedirectableError(OAuthErrorCode.INVALID_TARGET,
        "response_type=code&client_id=app&redirect_uri=" + enc(REDIRECT) + "&resource=" + enc(ORDERS));
  }
}
