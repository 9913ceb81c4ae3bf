package dev.gatehouse.protocol.client;

import static dev.gatehouse.protocol.client.ClientMetadataRules.Origin.ADMINISTRATION;
import static dev.gatehouse.protocol.client.ClientMetadataRules.Origin.BOOTSTRAP_FILE;
import static dev.gatehouse.protocol.client.ClientMetadataRules.Origin.DYNAMIC_REGISTRATION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.protocol.error.FieldProblem;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The allowed_resources registration field (RFC 8707 resource indicators), through the one set of rules. */
class AllowedResourcesTest {
  private static final String SECRET = "a-secret-of-at-least-32-characters-long";
  private static final String ORDERS = "https://orders.example/api";

  /** A registration for the bootstrap file (with its secret) or, without one, for the other origins. */
  private static ClientMetadata metadata(List<String> allowedResources, ClientMetadataRules.Origin origin) {
    return new ClientMetadata("svc", null, null, origin == BOOTSTRAP_FILE ? SECRET : null,
        List.of("https://app.example/cb"), null, "api", null, null, null, null, null, null, allowedResources);
  }

  private static List<String> problems(List<String> allowedResources, ClientMetadataRules.Origin origin) {
    return ClientMetadataRules.check(metadata(allowedResources, origin), origin).problems().stream()
        .map(FieldProblem::field).toList();
  }

  @Test
  void rfc8707_whenOperatorRegistersResources_thenTheClientMayAskForThem() {
    Client c = ClientMetadataRules.check(metadata(List.of(ORDERS, "urn:example:ledger", ORDERS), BOOTSTRAP_FILE),
        BOOTSTRAP_FILE)
        .client().orElseThrow();

    assertEquals(Set.of(ORDERS, "urn:example:ledger"), c.allowedResources());
  }

  @Test
  void whenAbsentOrEmpty_thenNone() {
    Client absent = ClientMetadataRules.check(metadata(null, BOOTSTRAP_FILE), BOOTSTRAP_FILE).client().orElseThrow();
    assertEquals(Set.of(), absent.allowedResources());
    assertEquals(List.of(), problems(List.of(), DYNAMIC_REGISTRATION));
  }

  @Test
  void rfc8707_2_whenNotAnAbsoluteUriWithoutFragment_thenEachIsAProblemOfTheField() {
    List<FieldProblem> found = ClientMetadataRules.check(
        metadata(List.of("/relative", ORDERS + "#part", ORDERS, "not a uri"), ADMINISTRATION), ADMINISTRATION)
        .problems();

    assertEquals(3, found.size());
    assertTrue(found.stream().allMatch(p -> p.field().equals(ClientMetadata.ALLOWED_RESOURCES)));
    assertTrue(found.get(0).reason().contains("/relative"));
  }

  @Test
  void whenMoreThanFitInAToken_thenAProblem() {
    List<String> many = IntStream.range(0, 21).mapToObj(i -> "https://api" + i + ".example/").toList();
    assertEquals(List.of(ClientMetadata.ALLOWED_RESOURCES), problems(many, ADMINISTRATION));
    List<String> long100 = IntStream.range(0, 20).mapToObj(i -> "https://api.example/" + "x".repeat(90) + i).toList();
    assertEquals(List.of(ClientMetadata.ALLOWED_RESOURCES), problems(long100, ADMINISTRATION));
  }

  /** Otherwise any self-registered client could obtain tokens for any resource server. */
  @Test
  void rfc7591_whenADynamicClientNamesResources_thenRefused() {
    assertEquals(List.of(ClientMetadata.ALLOWED_RESOURCES), problems(List.of(ORDERS), DYNAMIC_REGISTRATION));
  }
}
