package dev.gatehouse.it;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** The clients and users of src/test/resources/it-bootstrap.json, and small helpers over them. */
public final class Fixtures {
  private Fixtures() {}

  public static final String BASIC = "it-basic";
  public static final String BASIC_SECRET = "it-basic-secret-0123456789abcdefghijklmnop";
  public static final String BASIC_REDIRECT = "http://127.0.0.1:9/callback";
  public static final String POST = "it-post";
  public static final String POST_SECRET = "it-post-secret-0123456789abcdefghijklmnopq";
  public static final String POST_REDIRECT = "http://127.0.0.1:9/post-callback";
  public static final String PUBLIC = "it-public";
  public static final String PUBLIC_REDIRECT = "http://127.0.0.1:9/public-callback";
  public static final String NOROTATE = "it-norotate";
  public static final String NOROTATE_SECRET = "it-norotate-secret-0123456789abcdefghijklm";
  public static final String NOROTATE_REDIRECT = "http://127.0.0.1:9/norotate-callback";
  public static final String NOCODE = "it-nocode";
  public static final String NOCODE_REDIRECT = "http://127.0.0.1:9/nocode-callback";
  /** Public, registered with rotate_refresh_tokens false: a public client must rotate anyway (RFC 9700 §4.14.2). */
  public static final String PUBLIC_NOROTATE = "it-public-norotate";
  public static final String PUBLIC_NOROTATE_REDIRECT = "http://127.0.0.1:9/public-norotate-callback";
  /** An OpenID Connect relying party (RS256) with every claim scope, offline_access and a post-logout URI. */
  public static final String OIDC = "it-oidc";
  public static final String OIDC_SECRET = "it-oidc-secret-0123456789abcdefghijklmnopq";
  public static final String OIDC_REDIRECT = "http://127.0.0.1:9/oidc-callback";
  public static final String OIDC_LOGGED_OUT = "http://127.0.0.1:9/logged-out";
  public static final String ALICE = "alice";
  public static final String ALICE_PASSWORD = "alice-password-1";
  public static final String BOB = "bob";
  public static final String BOB_PASSWORD = "bob-password-22";
  /** Signs in but never consents to anything, in any test: consent for carol is always still to be asked. */
  /** A user with every OpenID Connect standard claim filled in. */
  public static final String DAVE = "dave";
  public static final String DAVE_PASSWORD = "dave-password-4444";
  public static final String CAROL = "carol";
  public static final String CAROL_PASSWORD = "carol-password-333";

  /** The issuer the tests' server is configured with (GATEHOUSE_ISSUER in the pom). */
  public static String issuer() {
    return "http://127.0.0.1:" + System.getProperty("gatehouse.it.port");
  }

  /** An authorization request for a client, with state and a PKCE challenge. */
  public static Map<String, String> authorizeParams(String clientId, String redirectUri, String scope, Pkce pkce,
      String state) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("response_type", "code");
    p.put("client_id", clientId);
    p.put("redirect_uri", redirectUri);
    if (scope != null) {
      p.put("scope", scope);
    }
    p.put("state", state);
    if (pkce != null) {
      p.put("code_challenge", pkce.challenge());
      p.put("code_challenge_method", "S256");
    }
    return p;
  }

  /** The decoded query parameters of a redirect URI. */
  public static Map<String, String> query(URI uri) {
    Map<String, String> params = new LinkedHashMap<>();
    String raw = uri.getRawQuery();
    if (raw == null) {
      return params;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      params.put(name, value);
    }
    return params;
  }

  /** The form for redeeming a code. */
  public static Map<String, String> codeRedemption(String code, String redirectUri, Pkce pkce) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "authorization_code");
    form.put("code", code);
    form.put("redirect_uri", redirectUri);
    if (pkce != null) {
      form.put("code_verifier", pkce.verifier());
    }
    return form;
  }

  /** The same form with client_secret_post credentials (RFC 6749 §2.3.1) or, without a secret, a public client's id. */
  public static Map<String, String> withClientInBody(Map<String, String> form, String clientId, String secret) {
    Map<String, String> copy = new LinkedHashMap<>(form);
    copy.put("client_id", clientId);
    if (secret != null) {
      copy.put("client_secret", secret);
    }
    return copy;
  }

  public static Map<String, String> refresh(String refreshToken, String scope) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "refresh_token");
    form.put("refresh_token", refreshToken);
    if (scope != null) {
      form.put("scope", scope);
    }
    return form;
  }
}
