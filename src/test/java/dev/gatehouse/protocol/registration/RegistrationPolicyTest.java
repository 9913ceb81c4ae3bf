package dev.gatehouse.protocol.registration;

import static dev.gatehouse.protocol.error.OAuthAssertions.assertOAuthError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.protocol.client.AccessTokenFormat;
import dev.gatehouse.protocol.client.Client;
import dev.gatehouse.protocol.client.ClientSecrets;
import dev.gatehouse.protocol.client.OidcRegistration;
import dev.gatehouse.protocol.client.TokenEndpointAuthMethod;
import dev.gatehouse.protocol.error.OAuthErrorCode;
import dev.gatehouse.protocol.request.GrantType;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RegistrationPolicyTest {

  private static final String REDIRECT = "https://rp.example/cb";
  private static final String SECRET_HASH = ClientSecrets.hash("a-generated-secret-of-at-least-32-characters");
  private static final RegistrationPolicy DEFAULT = new RegistrationPolicy(
      RegistrationPolicy.parseScopes(RegistrationPolicy.DEFAULT_SCOPES),
      RegistrationPolicy.parseGrantTypes(RegistrationPolicy.DEFAULT_GRANT_TYPES, false), false, 1000);

  /** A client as the common metadata checks leave it: everything requested, nothing forced yet. */
  private static Client requested(TokenEndpointAuthMethod method, Set<GrantType> grants, Set<String> scopes,
      List<String> redirects, Optional<String> backchannel) {
    return Client.builder("generated-id").name("generated-id").authMethod(method).redirectUris(redirects)
        .grantTypes(grants).scopes(scopes)
        .oidc(new OidcRegistration("RS256", AccessTokenFormat.OPAQUE, List.of(), backchannel))
        .dynamicallyRegistered(true).build();
  }

  private static Client confidential(Set<String> scopes) {
    return requested(TokenEndpointAuthMethod.CLIENT_SECRET_BASIC,
        EnumSet.of(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN), scopes, List.of(REDIRECT),
        Optional.empty());
  }

  private static Client withBackchannel(String redirect, String backchannel) {
    return requested(TokenEndpointAuthMethod.NONE, EnumSet.of(GrantType.AUTHORIZATION_CODE), Set.of("openid"),
        List.of(redirect), Optional.of(backchannel));
  }

  @Test
  void rfc7591_2_whenScopeOmitted_thenTheAllowedScopesAreRegistered() {
    Client admitted = DEFAULT.admit(confidential(Set.of()), null, SECRET_HASH);
    assertEquals(Set.of("openid", "profile", "email", "offline_access"), admitted.scopes());
  }

  @Test
  void rfc7591_2_whenScopeWithinPolicy_thenRegisteredAsRequested() {
    assertEquals(Set.of("openid"), DEFAULT.admit(confidential(Set.of("openid")), null, SECRET_HASH).scopes());
  }

  @Test
  void rfc7591_3_2_2_whenScopeBeyondPolicy_thenInvalidClientMetadata() {
    assertOAuthError(OAuthErrorCode.INVALID_CLIENT_METADATA,
        () -> DEFAULT.admit(confidential(Set.of("openid", "gatehouse:admin")), null, SECRET_HASH));
    assertOAuthError(OAuthErrorCode.INVALID_CLIENT_METADATA,
        () -> DEFAULT.admit(confidential(Set.of("payroll")), null, SECRET_HASH));
  }

  @Test
  void rfc7591_3_2_2_whenGrantTypeBeyondPolicy_thenInvalidClientMetadata() {
    Client service = requested(TokenEndpointAuthMethod.CLIENT_SECRET_BASIC, EnumSet.of(GrantType.CLIENT_CREDENTIALS),
        Set.of("openid"), List.of(), Optional.empty());
    assertOAuthError(OAuthErrorCode.INVALID_CLIENT_METADATA, () -> DEFAULT.admit(service, null, SECRET_HASH));
  }

  @Test
  void rfc7591_2_whenClientCredentialsAllowed_thenOnlyForConfidentialClients() {
    RegistrationPolicy services = new RegistrationPolicy(Set.of("api"),
        RegistrationPolicy.parseGrantTypes("client_credentials", true), false, 1000);
    Client confidentialService = requested(TokenEndpointAuthMethod.CLIENT_SECRET_POST,
        EnumSet.of(GrantType.CLIENT_CREDENTIALS), Set.of("api"), List.of(), Optional.empty());
    assertEquals(Set.of(GrantType.CLIENT_CREDENTIALS),
        services.admit(confidentialService, List.of(), SECRET_HASH).grantTypes());
    Client publicService = requested(TokenEndpointAuthMethod.NONE, EnumSet.of(GrantType.CLIENT_CREDENTIALS),
        Set.of("api"), List.of(), Optional.empty());
    assertOAuthError(OAuthErrorCode.INVALID_CLIENT_METADATA, () -> services.admit(publicService, null, null));
  }

  @Test
  void rfc7591_2_1_whenResponseTypesInconsistentWithGrantTypes_thenInvalidClientMetadata() {
    assertOAuthError(OAuthErrorCode.INVALID_CLIENT_METADATA,
        () -> DEFAULT.admit(confidential(Set.of()), List.of("token"), SECRET_HASH));
    assertOAuthError(OAuthErrorCode.INVALID_CLIENT_METADATA,
        () -> DEFAULT.admit(confidential(Set.of()), List.of(), SECRET_HASH));
    assertOAuthError(OAuthErrorCode.INVALID_CLIENT_METADATA,
        () -> DEFAULT.admit(confidential(Set.of()), List.of("code", "id_token"), SECRET_HASH));
    Client refreshOnly = requested(TokenEndpointAuthMethod.CLIENT_SECRET_BASIC, EnumSet.of(GrantType.REFRESH_TOKEN),
        Set.of(), List.of(REDIRECT), Optional.empty());
    assertOAuthError(OAuthErrorCode.INVALID_CLIENT_METADATA,
        () -> DEFAULT.admit(refreshOnly, List.of("code"), SECRET_HASH));
  }

  @Test
  void rfc7591_2_1_whenResponseTypesCodeWithAuthorizationCode_thenAccepted() {
    DEFAULT.admit(confidential(Set.of()), List.of("code"), SECRET_HASH);
    assertEquals(List.of("code"), RegistrationPolicy.responseTypes(EnumSet.of(GrantType.AUTHORIZATION_CODE)));
    assertEquals(List.of(), RegistrationPolicy.responseTypes(EnumSet.of(GrantType.CLIENT_CREDENTIALS)));
  }

  @Test
  void rfc7591_2_whenAdmitted_thenSelfRegisteredNeverResourceServerAlwaysRotating() {
    Client admitted = DEFAULT.admit(confidential(Set.of("openid")), null, SECRET_HASH);
    assertTrue(admitted.dynamicallyRegistered());
    assertFalse(admitted.resourceServer());
    assertTrue(admitted.rotatesRefreshTokens());
    assertEquals(SECRET_HASH, admitted.secretHash());
    assertEquals("generated-id", admitted.clientId());
  }

  @Test
  void rfc7591_2_whenPublicClient_thenNoSecretKept() {
    Client publicClient = requested(TokenEndpointAuthMethod.NONE, EnumSet.of(GrantType.AUTHORIZATION_CODE),
        Set.of(), List.of("http://127.0.0.1:9/cb"), Optional.empty());
    assertNull(DEFAULT.admit(publicClient, null, SECRET_HASH).secretHash());
  }

  @Test
  void backchannel_2_2_whenUriNotOnTheOriginOfARedirectUri_thenInvalidClientMetadata() {
    for (String backchannel : List.of("https://other.example/logout", "http://rp.example/logout",
        "https://rp.example:8443/logout")) {
      assertOAuthError(OAuthErrorCode.INVALID_CLIENT_METADATA,
          () -> DEFAULT.admit(withBackchannel(REDIRECT, backchannel), null, null));
    }
  }

  @Test
  void backchannel_2_2_whenUriOnTheOriginOfARedirectUri_thenKept() {
    Client admitted = DEFAULT.admit(withBackchannel(REDIRECT, "https://RP.example:443/logout?x=1"), null, null);
    assertEquals(Optional.of("https://RP.example:443/logout?x=1"), admitted.oidc().backchannelLogoutUri());
  }

  @Test
  void ssrf_whenBackchannelUriIsALiteralInternalAddress_thenInvalidClientMetadataUnlessTheOperatorAllows() {
    for (String origin : List.of("http://127.0.0.1:9", "http://localhost:9", "http://[::1]:9", "https://10.0.0.8",
        "https://169.254.169.254", "https://192.168.1.1", "http://2130706433:9", "http://app.localhost:9",
        "https://localhost.", "http://[::ffff:127.0.0.1]:9")) {
      Client internal = withBackchannel(origin + "/cb", origin + "/logout");
      assertOAuthError(OAuthErrorCode.INVALID_CLIENT_METADATA, () -> DEFAULT.admit(internal, null, null));
      RegistrationPolicy trusting = new RegistrationPolicy(DEFAULT.scopes(), DEFAULT.grantTypes(), true, 1000);
      assertEquals(Optional.of(origin + "/logout"),
          trusting.admit(internal, null, null).oidc().backchannelLogoutUri(), origin);
    }
  }

  @Test
  void ssrf_whenBackchannelHostIsAName_thenNotResolvedAtRegistration() throws Exception {
    assertEquals(0, RegistrationPolicy.literalAddresses("rp.example").length);
    assertEquals(1, RegistrationPolicy.literalAddresses("LOCALHOST").length);
  }

  @Test
  void settings_whenScopesIncludeTheAdminScopeOrAreEmptyOrMalformed_thenRefused() {
    assertThrows(IllegalArgumentException.class, () -> RegistrationPolicy.parseScopes("openid gatehouse:admin"));
    assertThrows(IllegalArgumentException.class, () -> RegistrationPolicy.parseScopes(" "));
    assertThrows(IllegalArgumentException.class, () -> RegistrationPolicy.parseScopes("openid \"x\""));
    assertThrows(IllegalArgumentException.class,
        () -> new RegistrationPolicy(Set.of("gatehouse:admin"), DEFAULT.grantTypes(), false, 1000));
    assertThrows(IllegalArgumentException.class,
        () -> new RegistrationPolicy(DEFAULT.scopes(), DEFAULT.grantTypes(), false, 0));
  }

  @Test
  void bounded_whenTheMostSelfRegisteredClientsExist_thenAccessDenied() {
    DEFAULT.requireRoom(999);
    assertOAuthError(OAuthErrorCode.ACCESS_DENIED, () -> DEFAULT.requireRoom(1000));
    assertOAuthError(OAuthErrorCode.ACCESS_DENIED, () -> DEFAULT.requireRoom(1001));
  }

  @Test
  void settings_whenClientCredentialsWithoutInitialAccessToken_thenRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> RegistrationPolicy.parseGrantTypes("authorization_code client_credentials", false));
    assertEquals(EnumSet.of(GrantType.AUTHORIZATION_CODE, GrantType.CLIENT_CREDENTIALS),
        RegistrationPolicy.parseGrantTypes(" authorization_code  client_credentials ", true));
  }

  @Test
  void settings_whenUnknownGrantType_thenRefused() {
    assertThrows(IllegalArgumentException.class, () -> RegistrationPolicy.parseGrantTypes("implicit", true));
    assertThrows(IllegalArgumentException.class, () -> RegistrationPolicy.parseGrantTypes("password", true));
  }
}
