package dev.gatehouse.web.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gatehouse.protocol.introspect.Introspection;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The introspection answer as JSON (RFC 7662 §2.2), with the groups and roles claims as top-level members. */
class IntrospectionJsonTest {

  @Test
  void rfc7662_2_2_whenTheAnswerCarriesGroupsAndRoles_thenTheyAreArraysOfStringsUnderTheirNames() {
    Introspection answer = new Introspection(true, "groups openid roles", "app", "sub-1", "ada", "Bearer",
        Instant.ofEpochSecond(2_000), Instant.ofEpochSecond(1_000), "https://login.example", List.of("https://api"),
        Map.of("memberOf", List.of("Domain Users", "engineering"), "roles", List.of()));
    JsonObject json = Json.createReader(new StringReader(IntrospectionResource.json(answer))).readObject();
    assertEquals(Json.createArrayBuilder().add("Domain Users").add("engineering").build(), json.get("memberOf"));
    assertEquals(Json.createArrayBuilder().build(), json.get("roles"));
    assertEquals("ada", json.getString("username"));
  }

  @Test
  void rfc7662_2_2_whenInactive_thenActiveAlone() {
    assertEquals("{\"active\":false}", IntrospectionResource.json(Introspection.inactive()));
  }
}
