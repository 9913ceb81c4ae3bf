package dev.gatehouse.protocol.resource;

import static dev.gatehouse.protocol.error.OAuthAssertions.assertOAuthError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.protocol.error.OAuthErrorCode;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ResourceIndicatorsTest {
  private static final String ORDERS = "https://orders.example/api";
  private static final String BILLING = "https://billing.example/";
  private static final Set<String> ALLOWED = Set.of(ORDERS, BILLING, "urn:example:ledger");

  @Test
  void rfc8707_2_whenAbsoluteUriWithoutFragment_thenAResourceIndicator() {
    for (String ok : List.of(ORDERS, "urn:example:ledger", "https://api.example/v1?tenant=a", "http://intranet/")) {
      assertEquals(Optional.empty(), ResourceIndicators.problem(ok), ok);
    }
  }

  @Test
  void rfc8707_2_whenRelativeWithFragmentOrNotAUri_thenAProblem() {
    for (String bad : List.of("/api", "api.example", "https://api.example/#frag", "https://api.example/#",
        "https://api .example/", "https://api.example/\u00e4", "https://[bad/", "x".repeat(2001))) {
      assertTrue(ResourceIndicators.problem(bad).isPresent(), bad);
    }
  }

  @Test
  void rfc8707_2_whenRequestNamesRegisteredResources_thenThoseSorted() {
    assertEquals(List.of(BILLING, ORDERS),
        List.copyOf(ResourceIndicators.requested(List.of(ORDERS, BILLING, ORDERS), ALLOWED)));
    assertEquals(Set.of(), ResourceIndicators.requested(List.of(), ALLOWED));
  }

  @Test
  void rfc8707_2_whenRequestNamesAnUnregisteredOrMalformedResource_thenInvalidTarget() {
    assertOAuthError(OAuthErrorCode.INVALID_TARGET,
        () -> ResourceIndicators.requested(List.of(ORDERS, "https://hr.example/"), ALLOWED));
    assertOAuthError(OAuthErrorCode.INVALID_TARGET, () -> ResourceIndicators.requested(List.of("/api"), ALLOWED));
    assertOAuthError(OAuthErrorCode.INVALID_TARGET,
        () -> ResourceIndicators.requested(List.of(ORDERS + "#x"), Set.of(ORDERS + "#x")));
    // Exact string comparison, as for redirect URIs: no normalisation of case or trailing slash.
    assertOAuthError(OAuthErrorCode.INVALID_TARGET,
        () -> ResourceIndicators.requested(List.of(ORDERS + "/"), ALLOWED));
    assertOAuthError(OAuthErrorCode.INVALID_TARGET,
        () -> ResourceIndicators.requested(List.of("HTTPS://orders.example/api"), ALLOWED));
  }

  @Test
  void rfc8707_2_2_whenTokenRequestNamesNone_thenTheWholeGrant_andASubsetNarrows() {
    Set<String> granted = Set.of(ORDERS, BILLING);
    assertEquals(granted, ResourceIndicators.fromGrant(List.of(), granted, ALLOWED));
    assertEquals(Set.of(ORDERS), ResourceIndicators.fromGrant(List.of(ORDERS), granted, ALLOWED));
  }

  @Test
  void rfc8707_2_2_whenTokenRequestNamesAResourceOutsideTheGrant_thenInvalidTarget() {
    assertOAuthError(OAuthErrorCode.INVALID_TARGET,
        () -> ResourceIndicators.fromGrant(List.of("urn:example:ledger"), Set.of(ORDERS), ALLOWED));
    // A grant made for no resource cannot gain one later.
    assertOAuthError(OAuthErrorCode.INVALID_TARGET,
        () -> ResourceIndicators.fromGrant(List.of(ORDERS), Set.of(), ALLOWED));
  }

  @Test
  void whenGrantedResourceNoLongerRegisteredForTheClient_thenInvalidTarget() {
    assertOAuthError(OAuthErrorCode.INVALID_TARGET,
        () -> ResourceIndicators.fromGrant(List.of(), Set.of(ORDERS, BILLING), Set.of(ORDERS)));
    assertEquals(Set.of(ORDERS), ResourceIndicators.fromGrant(List.of(ORDERS), Set.of(ORDERS, BILLING),
        Set.of(ORDERS)));
  }

  @Test
  void rfc8707_2_whenNoResource_thenTheDefaultAudience_otherwiseTheResourcesSorted() {
    assertEquals(List.of("https://issuer.example"), ResourceIndicators.audience(Set.of(), "https://issuer.example"));
    assertEquals(List.of(BILLING, ORDERS), ResourceIndicators.audience(Set.of(ORDERS, BILLING), "ignored"));
  }

  @Test
  void whenStored_thenSortedSpaceSeparated_andReadBack() {
    assertNull(ResourceIndicators.format(Set.of()));
    assertEquals(BILLING + " " + ORDERS, ResourceIndicators.format(Set.of(ORDERS, BILLING)));
    assertEquals(Set.of(ORDERS, BILLING), ResourceIndicators.parse(BILLING + " " + ORDERS));
    assertEquals(Set.of(), ResourceIndicators.parse(null));
  }
}
