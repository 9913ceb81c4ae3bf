package dev.gatehouse.it;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The clients of src/test/resources/it-bootstrap.json that the client credentials, introspection, revocation and
 * userinfo tests use (the authorization code clients and the users stay in {@link Fixtures}).
 */
public final class ServiceFixtures {
  private ServiceFixtures() {}

  /** Confidential, client_secret_basic, client_credentials only, scope "read write". */
  public static final String SERVICE = "it-service";
  public static final String SERVICE_SECRET = "it-service-secret-0123456789abcdefghijklmn";
  /** Confidential, client_secret_basic, client_credentials only, scope "introspect", resource_server true. */
  public static final String RS = "it-rs";
  public static final String RS_SECRET = "it-rs-secret-0123456789abcdefghijklmnopqrs";
  /** Confidential, client_secret_post, client_credentials only, scope "read". */
  public static final String SERVICE_POST = "it-service-post";
  public static final String SERVICE_POST_SECRET = "it-service-post-secret-0123456789abcdefghij";
  /** Public (none), registered for client_credentials all the same: RFC 6749 §4.4 must refuse it. */
  public static final String PUBLIC_SERVICE = "it-public-service";
  /** Confidential, client_secret_basic, authorization_code + refresh_token, scope "read profile email". */
  public static final String USERINFO = "it-userinfo";
  public static final String USERINFO_SECRET = "it-userinfo-secret-0123456789abcdefghijklm";
  public static final String USERINFO_REDIRECT = "http://127.0.0.1:9/userinfo-callback";
  /** Confidential, client_credentials, scope "gatehouse:admin": the administration API's automation client. */
  public static final String ADMIN_AUTOMATION = "it-admin-automation";
  public static final String ADMIN_AUTOMATION_SECRET = "it-admin-automation-secret-0123456789abcdefg";

  /** A client credentials token request (RFC 6749 §4.4.2), with a scope when {@code scope} is not null. */
  public static Map<String, String> clientCredentials(String scope) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "client_credentials");
    if (scope != null) {
      form.put("scope", scope);
    }
    return form;
  }
}
