package dev.gatehouse.protocol.introspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class IntrospectionTest {
  private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");

  @Test
  void rfc7662_2_2_whenInactive_thenNoMemberButActive() {
    Introspection inactive = Introspection.inactive();

    assertFalse(inactive.active());
    assertNull(inactive.scope());
    assertNull(inactive.clientId());
    assertNull(inactive.subject());
    assertNull(inactive.username());
    assertNull(inactive.tokenType());
    assertNull(inactive.expiresAt());
    assertNull(inactive.issuedAt());
    assertNull(inactive.issuer());
  }

  @Test
  void rfc7662_2_2_whenInactiveBuiltWithAMember_thenRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new Introspection(false, null, "app", null, null, null, null, null, null));
    assertThrows(
        IllegalArgumentException.class,
        () -> new Introspection(false, null, null, null, null, null, null, null, "https://issuer.example"));
  }

  @Test
  void rfc7662_2_2_whenActiveWithoutRequiredMember_thenRefused() {
    assertThrows(
        NullPointerException.class,
        () -> new Introspection(true, "api", null, null, null, "Bearer", NOW, NOW, "https://issuer.example"));
    assertThrows(
        NullPointerException.class, () -> new Introspection(true, "api", "app", null, null, "Bearer", NOW, NOW, null));
  }

  @Test
  void rfc7662_2_2_whenActiveClientCredentialsAnswer_thenSubjectAndScopeMayBeAbsent() {
    Introspection answer = new Introspection(true, null, "app", null, null, "Bearer", NOW, NOW, "https://i.example");

    assertEquals("app", answer.clientId());
  }
}
