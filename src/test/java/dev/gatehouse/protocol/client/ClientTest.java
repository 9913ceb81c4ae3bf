package dev.gatehouse.protocol.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.protocol.request.GrantType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClientTest {

  @Test
  void rfc9700_4_14_2_whenPublicClientWithRotationFlagOff_thenStillRotates() {
    Client spa = TestClients.publicClient("spa");

    assertFalse(spa.rotateRefreshTokens());
    assertTrue(spa.isPublic());
    assertTrue(spa.rotatesRefreshTokens());
  }

  @Test
  void rfc9700_4_14_2_whenConfidentialClient_thenRotationFollowsFlag() {
    assertFalse(TestClients.confidential("app").rotatesRefreshTokens());
    assertTrue(TestClients.confidentialRotating("app").rotatesRefreshTokens());
  }

  @Test
  void rfc6749_2_whenBuiltFromMutableCollections_thenImmutableCopies() {
    List<String> uris = new ArrayList<>(List.of("https://a.example/cb"));
    Client c = Client.builder("c").name("C").authMethod(TokenEndpointAuthMethod.NONE).redirectUris(uris)
        .grantTypes(Set.of(GrantType.AUTHORIZATION_CODE)).build();

    uris.add("https://evil.example/cb");

    assertEquals(List.of("https://a.example/cb"), c.redirectUris());
    assertThrows(UnsupportedOperationException.class, () -> c.redirectUris().add("x"));
    assertTrue(c.allowsGrant(GrantType.AUTHORIZATION_CODE));
    assertFalse(c.allowsGrant(GrantType.REFRESH_TOKEN));
  }

  @Test
  void rfc6749_2_whenRequiredFieldNull_thenRejected() {
    assertThrows(
        NullPointerException.class,
        () -> Client.builder(null).name("C").authMethod(TokenEndpointAuthMethod.NONE).build());
    assertThrows(NullPointerException.class, () -> Client.builder("c").name("C").build());
    assertThrows(
        NullPointerException.class, () -> Client.builder("c").authMethod(TokenEndpointAuthMethod.NONE).build());
  }

  @Test
  void rfc6749_2_whenBuiltWithOnlyTheRequiredSteps_thenTheDefaultsOfAnOperatorRegisteredClient() {
    Client c = Client.builder("c").name("C").authMethod(TokenEndpointAuthMethod.CLIENT_SECRET_BASIC).build();

    assertEquals(new Client("c", "C", TokenEndpointAuthMethod.CLIENT_SECRET_BASIC, null, List.of(), Set.of(),
        Set.of(), false, false, OidcRegistration.DEFAULTS, false, Set.of(), AccessPolicy.EVERYONE, false,
        ClaimNames.DEFAULTS), c);
  }

  @Test
  void rfc6749_2_whenCopiedThroughToBuilder_thenEveryFieldKept_andOnlyTheChangedOneDiffers() {
    Client rs = TestClients.withResources(TestClients.resourceServer("rs"), "https://api.example/");

    assertEquals(rs, rs.toBuilder().build());
    Client renamed = rs.toBuilder().name("Renamed").build();
    assertEquals("Renamed", renamed.clientName());
    assertEquals(rs, renamed.toBuilder().name(rs.clientName()).build());
    assertEquals(rs.secretHash(), renamed.secretHash());
  }

  @Test
  void houseRule8_whenPrinted_thenSecretHashNotShown() {
    Client c = TestClients.confidential("app");

    assertFalse(c.toString().contains(c.secretHash()));
  }

  @Test
  void rfc7662_4_whenBuiltWithoutTheFlag_thenNotAResourceServer() {
    assertFalse(TestClients.confidential("app").resourceServer());
    assertFalse(Client.builder("c").name("C").authMethod(TokenEndpointAuthMethod.NONE).build().resourceServer());
  }

  @Test
  void rfc7662_4_whenRegisteredAsResourceServer_thenFlagKeptByCopiesAndShown() {
    Client rs = TestClients.resourceServer("rs");

    assertTrue(rs.resourceServer());
    assertTrue(TestClients.withGrants(rs, Set.of(GrantType.CLIENT_CREDENTIALS)).resourceServer());
    assertTrue(rs.toString().contains("resourceServer=true"));
    assertFalse(rs.toString().contains(rs.secretHash()));
  }

  @Test
  void rfc7591_2_whenAuthMethodLookedUp_thenExactMatch() {
    assertEquals(
        Optional.of(TokenEndpointAuthMethod.CLIENT_SECRET_BASIC),
        TokenEndpointAuthMethod.fromValue("client_secret_basic"));
    assertEquals(Optional.empty(), TokenEndpointAuthMethod.fromValue("private_key_jwt"));
  }
}
