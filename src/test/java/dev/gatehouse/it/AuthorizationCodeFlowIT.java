package dev.gatehouse.it;

import static dev.gatehouse.it.Fixtures.ALICE;
import static dev.gatehouse.it.Fixtures.ALICE_PASSWORD;
import static dev.gatehouse.it.Fixtures.BASIC;
import static dev.gatehouse.it.Fixtures.BASIC_REDIRECT;
import static dev.gatehouse.it.Fixtures.BASIC_SECRET;
import static dev.gatehouse.it.Fixtures.CAROL;
import static dev.gatehouse.it.Fixtures.CAROL_PASSWORD;
import static dev.gatehouse.it.Fixtures.NOCODE;
import static dev.gatehouse.it.Fixtures.NOCODE_REDIRECT;
import static dev.gatehouse.it.Fixtures.NOROTATE;
import static dev.gatehouse.it.Fixtures.NOROTATE_REDIRECT;
import static dev.gatehouse.it.Fixtures.NOROTATE_SECRET;
import static dev.gatehouse.it.Fixtures.POST;
import static dev.gatehouse.it.Fixtures.POST_REDIRECT;
import static dev.gatehouse.it.Fixtures.POST_SECRET;
import static dev.gatehouse.it.Fixtures.PUBLIC;
import static dev.gatehouse.it.Fixtures.PUBLIC_NOROTATE;
import static dev.gatehouse.it.Fixtures.PUBLIC_NOROTATE_REDIRECT;
import static dev.gatehouse.it.Fixtures.PUBLIC_REDIRECT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The authorization code flow over HTTP, front channel and back channel, on the shipped WAR. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuthorizationCodeFlowIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL url;

  private URI base() {
    return URI.create(url.toString());
  }

  @Test
  void rfc8414_3_metadataAdvertisesExactlyWhatIsImplemented() {
    HttpResponse<String> response = new UserAgent(base()).get("/.well-known/oauth-authorization-server");
    assertEquals(200, response.statusCode());
    JsonObject metadata = Json.createReader(new StringReader(response.body())).readObject();
    String issuer = Fixtures.issuer();
    assertEquals(issuer, metadata.getString("issuer"));
    assertEquals(issuer + "/oauth2/authorize", metadata.getString("authorization_endpoint"));
    assertEquals(issuer + "/oauth2/token", metadata.getString("token_endpoint"));
    assertEquals(issuer + "/oauth2/jwks", metadata.getString("jwks_uri"));
    assertEquals(Set.of("code"), strings(metadata, "response_types_supported"));
    assertEquals(Set.of("authorization_code", "refresh_token", "client_credentials"),
        strings(metadata, "grant_types_supported"));
    assertEquals(issuer + "/oauth2/introspect", metadata.getString("introspection_endpoint"));
    assertEquals(Set.of("client_secret_basic", "client_secret_post"),
        strings(metadata, "introspection_endpoint_auth_methods_supported"));
    assertEquals(issuer + "/oauth2/revoke", metadata.getString("revocation_endpoint"));
    assertEquals(Set.of("client_secret_basic", "client_secret_post", "none"),
        strings(metadata, "revocation_endpoint_auth_methods_supported"));
    assertEquals(Set.of("client_secret_basic", "client_secret_post", "none"),
        strings(metadata, "token_endpoint_auth_methods_supported"));
    assertEquals(Set.of("S256"), strings(metadata, "code_challenge_methods_supported"));
    assertTrue(metadata.getBoolean("authorization_response_iss_parameter_supported"));
    assertEquals(Set.of("issuer", "authorization_endpoint", "token_endpoint", "jwks_uri", "scopes_supported",
        "response_types_supported",
        "response_modes_supported", "grant_types_supported", "token_endpoint_auth_methods_supported",
        "introspection_endpoint", "introspection_endpoint_auth_methods_supported", "revocation_endpoint",
        "revocation_endpoint_auth_methods_supported", "code_challenge_methods_supported",
        "authorization_response_iss_parameter_supported", "registration_endpoint"), metadata.keySet(),
        "nothing advertised that is not implemented (the tests' server has dynamic registration on)");
    assertEquals(issuer + "/oauth2/register", metadata.getString("registration_endpoint"));
  }

  @Test
  void rfc6749_4_1_whenUserSignsInAndAllows_thenClientRedeemsCodeForTokens() {
    TokenClient.Answer answer = Flows.basicClientTokens(base(), "read write");
    assertEquals("no-store", answer.raw().headers().firstValue("Cache-Control").orElse(""), "RFC 6749 §5.1");
    assertEquals("Bearer", answer.string("token_type"));
    assertTrue(answer.json().getInt("expires_in") > 0);
    assertEquals("read write", answer.string("scope"));
    assertTrue(answer.string("access_token").length() >= 43, "at least 256 bits");
    assertNotNull(answer.string("refresh_token"));
    assertNotEquals(answer.string("access_token"), answer.string("refresh_token"));
  }

  @Test
  void rfc6749_6_whenRefreshing_thenRotatedAndOldTokenStopsWorking() {
    TokenClient tokens = new TokenClient(base());
    String first = Flows.basicClientTokens(base(), "read write").string("refresh_token");
    TokenClient.Answer refreshed = tokens.post(Fixtures.refresh(first, null), BASIC, BASIC_SECRET);
    assertEquals(200, refreshed.status(), () -> refreshed.json().toString());
    String second = refreshed.string("refresh_token");
    assertNotNull(second, "a rotating client gets a new refresh token");
    assertNotEquals(first, second);
    TokenClient.Answer reuse = tokens.post(Fixtures.refresh(first, null), BASIC, BASIC_SECRET);
    assertEquals(400, reuse.status());
    assertEquals("invalid_grant", reuse.error());
    TokenClient.Answer next = tokens.post(Fixtures.refresh(second, null), BASIC, BASIC_SECRET);
    assertEquals(200, next.status(), "within the grace window a duplicate does not revoke the grant");
  }

  @Test
  void rfc6749_4_1_2_1_whenClientUnknown_thenErrorPageAndNoRedirect() {
    HttpResponse<String> response = new UserAgent(base()).authorize(
        Fixtures.authorizeParams("no-such-client", BASIC_REDIRECT, "read", Pkce.create(), "s"));
    assertEquals(400, response.statusCode());
    assertFalse(response.headers().firstValue("Location").isPresent(), "never redirected");
    assertTrue(response.body().contains("id=\"error-code\""), response.body());
  }

  @Test
  void rfc6749_3_1_2_3_whenRedirectUriAltered_thenErrorPageAndNoRedirect() {
    for (String altered : new String[] {BASIC_REDIRECT + "/", BASIC_REDIRECT + "?x=1", "http://127.0.0.1:9/CALLBACK",
        "https://app.example.com/cb", "https://app.example.com/cb?tenant=a&x=1"}) {
      HttpResponse<String> response = new UserAgent(base()).authorize(
          Fixtures.authorizeParams(BASIC, altered, "read", Pkce.create(), "s"));
      assertEquals(400, response.statusCode(), altered);
      assertFalse(response.headers().firstValue("Location").isPresent(), altered);
    }
  }

  @Test
  void rfc9207_2_whenResponseTypeUnsupported_thenErrorRedirectCarriesStateAndIss() {
    Map<String, String> params = Fixtures.authorizeParams(BASIC, BASIC_REDIRECT, "read", Pkce.create(), "st-1");
    params.put("response_type", "token");
    HttpResponse<String> response = new UserAgent(base()).authorize(params);
    Map<String, String> query = Fixtures.query(URI.create(UserAgent.location(response)));
    assertTrue(UserAgent.location(response).startsWith(BASIC_REDIRECT + "?"));
    assertEquals("unsupported_response_type", query.get("error"));
    assertEquals("st-1", query.get("state"));
    assertEquals(Fixtures.issuer(), query.get("iss"));
  }

  @Test
  void rfc6749_4_1_3_whenRedirectUriDiffers_thenInvalidGrant() {
    UserAgent agent = new UserAgent(base());
    Pkce pkce = Pkce.create();
    String code = Flows.code(agent, BASIC, BASIC_REDIRECT, "read", pkce, ALICE, ALICE_PASSWORD);
    TokenClient.Answer answer = new TokenClient(base()).post(
        Fixtures.codeRedemption(code, "https://app.example.com/cb?tenant=a", pkce), BASIC, BASIC_SECRET);
    assertEquals(400, answer.status());
    assertEquals("invalid_grant", answer.error());
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Consent and prompt

  @Test
  void rfc6749_4_1_1_whenConsentAlreadyGivenForTheseScopes_thenCodeWithoutConsentPage() {
    Flows.code(new UserAgent(base()), BASIC, BASIC_REDIRECT, "read", Pkce.create(), ALICE, ALICE_PASSWORD);
    // A new browser: the consent is remembered per user and client, not per session.
    UserAgent agent = new UserAgent(base());
    HttpResponse<String> toLogin = agent.authorize(Fixtures.authorizeParams(BASIC, BASIC_REDIRECT, "read",
        Pkce.create(), "remembered"));
    HttpResponse<String> afterSignIn = agent.signIn(toLogin, ALICE, ALICE_PASSWORD);
    Map<String, String> query = clientRedirect(afterSignIn, BASIC_REDIRECT);
    assertNotNull(query.get("code"), "straight back with a code, no consent page");
    assertEquals("remembered", query.get("state"));
    // And the same browser again, already signed in: no page at all.
    HttpResponse<String> again = agent.authorize(Fixtures.authorizeParams(BASIC, BASIC_REDIRECT, "read",
        Pkce.create(), "again"));
    assertNotNull(clientRedirect(again, BASIC_REDIRECT).get("code"));
  }

  @Test
  void oidcCore_3_1_2_1_whenPromptConsent_thenConsentPageEvenThoughAlreadyGranted() {
    UserAgent agent = new UserAgent(base());
    Flows.code(agent, BASIC, BASIC_REDIRECT, "read", Pkce.create(), ALICE, ALICE_PASSWORD);
    Map<String, String> params = Fixtures.authorizeParams(BASIC, BASIC_REDIRECT, "read", Pkce.create(), "forced");
    params.put("prompt", "consent");
    HttpResponse<String> page = agent.authorize(params);
    assertConsentPage(page);
    Map<String, String> query = clientRedirect(agent.consent(page, "allow"), BASIC_REDIRECT);
    assertNotNull(query.get("code"));
    assertEquals("forced", query.get("state"));
  }

  @Test
  void rfc6749_4_1_2_1_whenUserDenies_thenAccessDeniedRedirectWithStateAndIss() {
    UserAgent agent = new UserAgent(base());
    Map<String, String> params = Fixtures.authorizeParams(BASIC, BASIC_REDIRECT, "read", Pkce.create(), "deny-1");
    params.put("prompt", "consent");
    HttpResponse<String> page = agent.signIn(agent.authorize(params), ALICE, ALICE_PASSWORD);
    assertConsentPage(page);
    Map<String, String> query = clientRedirect(agent.consent(page, "deny"), BASIC_REDIRECT);
    assertEquals("access_denied", query.get("error"));
    assertEquals("deny-1", query.get("state"));
    assertEquals(Fixtures.issuer(), query.get("iss"));
    assertNull(query.get("code"));
  }

  @Test
  void oidcCore_3_1_2_6_whenPromptNoneWithoutSession_thenLoginRequired() {
    Map<String, String> params = Fixtures.authorizeParams(BASIC, BASIC_REDIRECT, "read", Pkce.create(), "none-1");
    params.put("prompt", "none");
    Map<String, String> query = clientRedirect(new UserAgent(base()).authorize(params), BASIC_REDIRECT);
    assertEquals("login_required", query.get("error"));
    assertEquals("none-1", query.get("state"));
    assertEquals(Fixtures.issuer(), query.get("iss"));
    assertNull(query.get("code"));
  }

  @Test
  void oidcCore_3_1_2_6_whenPromptNoneAndConsentNeverGiven_thenConsentRequired() {
    UserAgent agent = new UserAgent(base());
    HttpResponse<String> page = agent.signIn(
        agent.authorize(Fixtures.authorizeParams(BASIC, BASIC_REDIRECT, "read", Pkce.create(), "c-1")),
        CAROL, CAROL_PASSWORD);
    assertConsentPage(page); // carol never consents: the page is left unanswered
    Map<String, String> params = Fixtures.authorizeParams(BASIC, BASIC_REDIRECT, "read", Pkce.create(), "none-2");
    params.put("prompt", "none");
    Map<String, String> query = clientRedirect(agent.authorize(params), BASIC_REDIRECT);
    assertEquals("consent_required", query.get("error"));
    assertEquals("none-2", query.get("state"));
    assertEquals(Fixtures.issuer(), query.get("iss"));
    assertNull(query.get("code"));
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Sign-in page

  @Test
  void rfc6749_4_1_1_whenPasswordWrong_thenSignInPageAgainWithoutRedirect_andRightPasswordThenWorks() {
    UserAgent agent = new UserAgent(base());
    HttpResponse<String> toLogin = agent.authorize(
        Fixtures.authorizeParams(BASIC, BASIC_REDIRECT, "read", Pkce.create(), "pw-1"));
    HttpResponse<String> page = agent.get(UserAgent.location(toLogin));
    Map<String, String> form = UserAgent.hiddenFields(page.body());
    form.put("username", ALICE);
    form.put("password", "not-" + ALICE_PASSWORD);
    HttpResponse<String> failed = agent.postForm("/login", form);
    assertEquals(401, failed.statusCode());
    assertFalse(failed.headers().firstValue("Location").isPresent(), "no redirect on a failed sign-in");
    assertTrue(failed.body().contains("id=\"login-error\""), failed.body());

    Map<String, String> retry = UserAgent.hiddenFields(failed.body());
    retry.put("username", ALICE);
    retry.put("password", ALICE_PASSWORD);
    HttpResponse<String> posted = agent.postForm("/login", retry);
    assertTrue(UserAgent.location(posted).contains("/oauth2/authorize/resume"), UserAgent.location(posted));
    HttpResponse<String> resumed = agent.get(UserAgent.location(posted));
    if (resumed.statusCode() == 200) {
      resumed = agent.consent(resumed, "allow");
    }
    Map<String, String> query = clientRedirect(resumed, BASIC_REDIRECT);
    assertNotNull(query.get("code"));
    assertEquals("pw-1", query.get("state"));
  }

  @Test
  void rfc6749_10_12_whenSignInPostedWithWrongOrNoCsrfToken_thenForbiddenAndNobodySignedIn() {
    for (String csrf : new String[] {"wrong-csrf-token", null}) {
      UserAgent agent = new UserAgent(base());
      HttpResponse<String> toLogin = agent.authorize(
          Fixtures.authorizeParams(BASIC, BASIC_REDIRECT, "read", Pkce.create(), "csrf-1"));
      HttpResponse<String> page = agent.get(UserAgent.location(toLogin));
      Map<String, String> form = UserAgent.hiddenFields(page.body());
      if (csrf == null) {
        form.remove("csrf");
      } else {
        form.put("csrf", csrf);
      }
      form.put("username", ALICE);
      form.put("password", ALICE_PASSWORD);
      HttpResponse<String> posted = agent.postForm("/login", form);
      assertEquals(403, posted.statusCode(), "csrf " + csrf);
      assertFalse(posted.headers().firstValue("Location").isPresent());

      // The parked request still needs a sign-in, and prompt=none says nobody is signed in.
      HttpResponse<String> resume = agent.get("/oauth2/authorize/resume?request=" + UserAgent.enc(form.get("request")));
      assertTrue(UserAgent.isRedirectTo(resume, "/login"), () -> "resume after a refused post: "
          + resume.statusCode() + " " + resume.headers().firstValue("Location").orElse(""));
      Map<String, String> params = Fixtures.authorizeParams(BASIC, BASIC_REDIRECT, "read", Pkce.create(), "csrf-2");
      params.put("prompt", "none");
      assertEquals("login_required", clientRedirect(agent.authorize(params), BASIC_REDIRECT).get("error"));
    }
  }

  @Test
  void rfc6749_10_13_whenSignInOrConsentPageShown_thenFramingForbidden() {
    UserAgent agent = new UserAgent(base());
    Map<String, String> params = Fixtures.authorizeParams(BASIC, BASIC_REDIRECT, "read", Pkce.create(), "frame");
    params.put("prompt", "consent");
    HttpResponse<String> signInPage = agent.get(UserAgent.location(agent.authorize(params)));
    assertEquals(200, signInPage.statusCode());
    assertNoFraming(signInPage);
    HttpResponse<String> posted = agent.postForm("/login", signInForm(signInPage, ALICE, ALICE_PASSWORD));
    HttpResponse<String> consentPage = agent.get(UserAgent.location(posted));
    assertConsentPage(consentPage);
    assertNoFraming(consentPage);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Authorization request errors, redirected to the client

  @Test
  void rfc7636_4_4_1_whenPublicClientSendsNoChallenge_thenInvalidRequestRedirect() {
    Map<String, String> query = clientRedirect(new UserAgent(base()).authorize(
        Fixtures.authorizeParams(PUBLIC, PUBLIC_REDIRECT, "read", null, "pub-1")), PUBLIC_REDIRECT);
    assertEquals("invalid_request", query.get("error"));
    assertEquals("pub-1", query.get("state"));
    assertEquals(Fixtures.issuer(), query.get("iss"));
    assertNull(query.get("code"));
  }

  @Test
  void rfc9700_2_1_1_whenChallengeMethodPlain_thenInvalidRequestRedirect() {
    for (String client : new String[] {BASIC, PUBLIC}) {
      String redirect = client.equals(BASIC) ? BASIC_REDIRECT : PUBLIC_REDIRECT;
      Pkce pkce = Pkce.create();
      Map<String, String> params = Fixtures.authorizeParams(client, redirect, "read", pkce, "plain-1");
      params.put("code_challenge", pkce.verifier()); // what plain would send: the verifier itself
      params.put("code_challenge_method", "plain");
      Map<String, String> query = clientRedirect(new UserAgent(base()).authorize(params), redirect);
      assertEquals("invalid_request", query.get("error"), client);
      assertEquals("plain-1", query.get("state"));
      assertNull(query.get("code"));
    }
  }

  @Test
  void rfc7636_4_3_whenChallengeSentWithoutMethod_thenInvalidRequestRedirect() {
    Map<String, String> params = Fixtures.authorizeParams(BASIC, BASIC_REDIRECT, "read", Pkce.create(), "nomethod");
    params.remove("code_challenge_method"); // defaults to plain (RFC 7636 §4.3), which is refused
    Map<String, String> query = clientRedirect(new UserAgent(base()).authorize(params), BASIC_REDIRECT);
    assertEquals("invalid_request", query.get("error"));
    assertEquals("nomethod", query.get("state"));
    assertNull(query.get("code"));
  }

  @Test
  void rfc6749_4_1_2_1_whenScopeOutsideClientsRegisteredScope_thenInvalidScopeRedirect() {
    Map<String, String> query = clientRedirect(new UserAgent(base()).authorize(
        Fixtures.authorizeParams(POST, POST_REDIRECT, "read profile", Pkce.create(), "scope-1")), POST_REDIRECT);
    assertEquals("invalid_scope", query.get("error"));
    assertEquals("scope-1", query.get("state"));
    assertEquals(Fixtures.issuer(), query.get("iss"));
    assertNull(query.get("code"));
  }

  @Test
  void rfc6749_4_1_2_1_whenClientNotRegisteredForCodeGrant_thenUnauthorizedClientRedirect() {
    Map<String, String> query = clientRedirect(new UserAgent(base()).authorize(
        Fixtures.authorizeParams(NOCODE, NOCODE_REDIRECT, "read", Pkce.create(), "nocode-1")), NOCODE_REDIRECT);
    assertEquals("unauthorized_client", query.get("error"));
    assertEquals("nocode-1", query.get("state"));
    assertEquals(Fixtures.issuer(), query.get("iss"));
    assertNull(query.get("code"));
  }

  @Test
  void rfc6749_3_1_whenParameterRepeatedAtAuthorize_thenInvalidRequestRedirect() {
    for (String repeated : List.of("scope", "response_type", "code_challenge", "code_challenge_method", "prompt",
        "nonce")) {
      Map<String, String> params = Fixtures.authorizeParams(BASIC, BASIC_REDIRECT, "read", Pkce.create(), "rep-1");
      params.putIfAbsent(repeated, repeated.equals("prompt") ? "login" : "n-1");
      String query = UserAgent.form(params) + "&" + UserAgent.enc(repeated) + "=" + UserAgent.enc(params.get(repeated));
      Map<String, String> answer = clientRedirect(new UserAgent(base()).get("/oauth2/authorize?" + query),
          BASIC_REDIRECT);
      assertEquals("invalid_request", answer.get("error"), repeated);
      assertEquals("rep-1", answer.get("state"), repeated);
      assertNull(answer.get("code"), repeated);
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Token endpoint: client authentication

  @Test
  void rfc6749_2_3_1_whenClientSecretPost_thenTokens() {
    Pkce pkce = Pkce.create();
    String code = Flows.code(new UserAgent(base()), POST, POST_REDIRECT, "read", pkce, ALICE, ALICE_PASSWORD);
    TokenClient.Answer answer = new TokenClient(base()).post(
        Fixtures.withClientInBody(Fixtures.codeRedemption(code, POST_REDIRECT, pkce), POST, POST_SECRET), null, null);
    assertEquals(200, answer.status(), () -> answer.json().toString());
    assertNotNull(answer.string("access_token"));
    assertNotNull(answer.string("refresh_token"));
    assertEquals("read", answer.string("scope"));
  }

  @Test
  void rfc6749_2_3_whenBasicAndClientSecretInBody_thenInvalidRequest() {
    Pkce pkce = Pkce.create();
    String code = Flows.code(new UserAgent(base()), BASIC, BASIC_REDIRECT, "read", pkce, ALICE, ALICE_PASSWORD);
    Map<String, String> form = Fixtures.codeRedemption(code, BASIC_REDIRECT, pkce);
    form.put("client_secret", BASIC_SECRET);
    TokenClient.Answer answer = new TokenClient(base()).post(form, BASIC, BASIC_SECRET);
    assertEquals(400, answer.status(), () -> answer.json().toString());
    assertEquals("invalid_request", answer.error());
    assertNull(answer.string("access_token"));
  }

  @Test
  void rfc6749_5_2_whenBasicSecretWrong_thenUnauthorizedWithBasicChallenge() {
    Pkce pkce = Pkce.create();
    String code = Flows.code(new UserAgent(base()), BASIC, BASIC_REDIRECT, "read", pkce, ALICE, ALICE_PASSWORD);
    TokenClient.Answer answer = new TokenClient(base()).post(
        Fixtures.codeRedemption(code, BASIC_REDIRECT, pkce), BASIC, BASIC_SECRET + "x");
    assertEquals(401, answer.status());
    assertEquals("invalid_client", answer.error());
    String challenge = answer.raw().headers().firstValue("WWW-Authenticate").orElse("");
    assertTrue(challenge.regionMatches(true, 0, "Basic", 0, 5), challenge);
    assertEquals("no-store", answer.raw().headers().firstValue("Cache-Control").orElse(""));
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Token endpoint: PKCE at redemption

  @Test
  void rfc7636_4_5_whenPublicClientRedeemsWithVerifierAndNoSecret_thenTokens() {
    Pkce pkce = Pkce.create();
    String code = Flows.code(new UserAgent(base()), PUBLIC, PUBLIC_REDIRECT, "read", pkce, ALICE, ALICE_PASSWORD);
    TokenClient.Answer answer = new TokenClient(base()).post(
        Fixtures.withClientInBody(Fixtures.codeRedemption(code, PUBLIC_REDIRECT, pkce), PUBLIC, null), null, null);
    assertEquals(200, answer.status(), () -> answer.json().toString());
    assertNotNull(answer.string("access_token"));
    assertNotNull(answer.string("refresh_token"));
  }

  @Test
  void rfc9700_4_8_2_whenVerifierSentForCodeIssuedWithoutChallenge_thenInvalidGrant() {
    String code = Flows.code(new UserAgent(base()), BASIC, BASIC_REDIRECT, "read", null, ALICE, ALICE_PASSWORD);
    TokenClient.Answer answer = new TokenClient(base()).post(
        Fixtures.codeRedemption(code, BASIC_REDIRECT, Pkce.create()), BASIC, BASIC_SECRET);
    assertEquals(400, answer.status(), () -> answer.json().toString());
    assertEquals("invalid_grant", answer.error());
  }

  @Test
  void rfc7636_4_6_whenVerifierDoesNotMatchChallenge_thenInvalidGrant() {
    String code = Flows.code(new UserAgent(base()), BASIC, BASIC_REDIRECT, "read", Pkce.create(), ALICE,
        ALICE_PASSWORD);
    TokenClient.Answer answer = new TokenClient(base()).post(
        Fixtures.codeRedemption(code, BASIC_REDIRECT, Pkce.create()), BASIC, BASIC_SECRET);
    assertEquals(400, answer.status(), () -> answer.json().toString());
    assertEquals("invalid_grant", answer.error());
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Token endpoint: refresh

  @Test
  void rfc9700_4_14_2_whenPublicClientRefreshes_thenAlwaysRotatedEvenIfRegisteredNotTo() {
    for (String[] client : new String[][] {{PUBLIC, PUBLIC_REDIRECT}, {PUBLIC_NOROTATE, PUBLIC_NOROTATE_REDIRECT}}) {
      Pkce pkce = Pkce.create();
      String code = Flows.code(new UserAgent(base()), client[0], client[1], "read", pkce, ALICE, ALICE_PASSWORD);
      TokenClient tokens = new TokenClient(base());
      TokenClient.Answer first = tokens.post(
          Fixtures.withClientInBody(Fixtures.codeRedemption(code, client[1], pkce), client[0], null), null, null);
      assertEquals(200, first.status(), () -> first.json().toString());
      String original = first.string("refresh_token");
      TokenClient.Answer refreshed = tokens.post(
          Fixtures.withClientInBody(Fixtures.refresh(original, null), client[0], null), null, null);
      assertEquals(200, refreshed.status(), () -> refreshed.json().toString());
      assertNotNull(refreshed.string("refresh_token"), client[0] + " got no new refresh token");
      assertNotEquals(original, refreshed.string("refresh_token"), client[0]);
      TokenClient.Answer reuse = tokens.post(
          Fixtures.withClientInBody(Fixtures.refresh(original, null), client[0], null), null, null);
      assertEquals(400, reuse.status(), client[0]);
      assertEquals("invalid_grant", reuse.error(), client[0]);
    }
  }

  @Test
  void rfc6749_6_whenClientDoesNotRotate_thenNoNewRefreshTokenAndTheSameOneWorksAgain() {
    Pkce pkce = Pkce.create();
    String code = Flows.code(new UserAgent(base()), NOROTATE, NOROTATE_REDIRECT, "read write", pkce, ALICE,
        ALICE_PASSWORD);
    TokenClient tokens = new TokenClient(base());
    TokenClient.Answer first = tokens.post(Fixtures.codeRedemption(code, NOROTATE_REDIRECT, pkce), NOROTATE,
        NOROTATE_SECRET);
    assertEquals(200, first.status(), () -> first.json().toString());
    String refreshToken = first.string("refresh_token");
    assertNotNull(refreshToken);
    for (int i = 0; i < 2; i++) {
      TokenClient.Answer refreshed = tokens.post(Fixtures.refresh(refreshToken, null), NOROTATE, NOROTATE_SECRET);
      assertEquals(200, refreshed.status(), () -> refreshed.json().toString());
      assertNull(refreshed.string("refresh_token"), "a non-rotating client keeps its refresh token");
      assertNotEquals(first.string("access_token"), refreshed.string("access_token"));
      assertEquals("read write", refreshed.string("scope"));
    }
  }

  @Test
  void rfc6749_6_whenRefreshNarrowsScope_thenNarrowerAccessTokenAndNextRefreshHasOriginalScope() {
    TokenClient tokens = new TokenClient(base());
    String first = Flows.basicClientTokens(base(), "read write").string("refresh_token");
    TokenClient.Answer narrowed = tokens.post(Fixtures.refresh(first, "read"), BASIC, BASIC_SECRET);
    assertEquals(200, narrowed.status(), () -> narrowed.json().toString());
    assertEquals("read", narrowed.string("scope"));
    TokenClient.Answer next = tokens.post(Fixtures.refresh(narrowed.string("refresh_token"), null), BASIC,
        BASIC_SECRET);
    assertEquals(200, next.status(), () -> next.json().toString());
    assertEquals("read write", next.string("scope"), "omitted scope is the scope originally granted");
  }

  @Test
  void rfc6749_6_whenRefreshAsksForScopeNotOriginallyGranted_thenInvalidScope() {
    TokenClient tokens = new TokenClient(base());
    String refreshToken = Flows.basicClientTokens(base(), "read").string("refresh_token");
    TokenClient.Answer widened = tokens.post(Fixtures.refresh(refreshToken, "read write"), BASIC, BASIC_SECRET);
    assertEquals(400, widened.status(), () -> widened.json().toString());
    assertEquals("invalid_scope", widened.error());
    assertNull(widened.string("access_token"));
  }

  @Test
  void rfc6749_6_whenRefreshTokenPresentedByAnotherClient_thenInvalidGrant() {
    TokenClient tokens = new TokenClient(base());
    String refreshToken = Flows.basicClientTokens(base(), "read").string("refresh_token");
    TokenClient.Answer stolen = tokens.post(Fixtures.refresh(refreshToken, null), NOROTATE, NOROTATE_SECRET);
    assertEquals(400, stolen.status(), () -> stolen.json().toString());
    assertEquals("invalid_grant", stolen.error());
    TokenClient.Answer owner = tokens.post(Fixtures.refresh(refreshToken, null), BASIC, BASIC_SECRET);
    assertEquals(200, owner.status(), "another client's attempt does not revoke the owner's grant");
  }

  @Test
  void rfc9700_4_14_2_whenRotatedRefreshTokenReusedAfterGrace_thenInvalidGrantAndWholeGrantRevoked()
      throws InterruptedException {
    TokenClient tokens = new TokenClient(base());
    String first = Flows.basicClientTokens(base(), "read").string("refresh_token");
    TokenClient.Answer rotated = tokens.post(Fixtures.refresh(first, null), BASIC, BASIC_SECRET);
    assertEquals(200, rotated.status(), () -> rotated.json().toString());
    String second = rotated.string("refresh_token");
    assertNotNull(second);
    Thread.sleep(2_500); // past GATEHOUSE_REFRESH_REUSE_GRACE=PT2S (pom): a reuse now is taken for an attack
    TokenClient.Answer reuse = tokens.post(Fixtures.refresh(first, null), BASIC, BASIC_SECRET);
    assertEquals(400, reuse.status());
    assertEquals("invalid_grant", reuse.error());
    TokenClient.Answer newest = tokens.post(Fixtures.refresh(second, null), BASIC, BASIC_SECRET);
    assertEquals(400, newest.status(), "the newest refresh token of the grant is revoked too");
    assertEquals("invalid_grant", newest.error());
  }

  // ---------------------------------------------------------------------------------------------------------------

  /** The redirect back to the client: asserts a 302 to exactly {@code redirectUri} and returns its query. */
  private static Map<String, String> clientRedirect(HttpResponse<String> response, String redirectUri) {
    String location = UserAgent.location(response);
    assertTrue(location.startsWith(redirectUri + "?"), () -> "not a redirect to " + redirectUri + ": " + location);
    return Fixtures.query(URI.create(location));
  }

  private static void assertConsentPage(HttpResponse<String> page) {
    assertEquals(200, page.statusCode(), () -> "expected the consent page, got " + page.statusCode() + " "
        + page.headers().firstValue("Location").orElse(page.body()));
    assertTrue(page.body().contains("id=\"allow\"") && page.body().contains("id=\"deny\""), page.body());
  }

  private static void assertNoFraming(HttpResponse<String> page) {
    String csp = String.join(", ", page.headers().allValues("Content-Security-Policy"));
    assertTrue(csp.contains("frame-ancestors 'none'"), csp);
    assertEquals(List.of("DENY"), page.headers().allValues("X-Frame-Options"));
  }

  private static Map<String, String> signInForm(HttpResponse<String> page, String username, String password) {
    Map<String, String> form = UserAgent.hiddenFields(page.body());
    form.put("username", username);
    form.put("password", password);
    return form;
  }

  private static Set<String> strings(JsonObject json, String name) {
    return Set.copyOf(json.getJsonArray(name).getValuesAs(jakarta.json.JsonString::getString));
  }
}
