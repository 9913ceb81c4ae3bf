package dev.gatehouse.protocol.request;

import static dev.gatehouse.protocol.error.OAuthAssertions.assertOAuthError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.protocol.error.OAuthErrorCode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ParametersTest {

  @Test
  void rfc6749_3_1_whenParameterRepeated_thenInvalidRequest() {
    Parameters p = Parameters.of(Map.of("grant_type", List.of("authorization_code", "refresh_token")));

    assertOAuthError(OAuthErrorCode.INVALID_REQUEST, () -> p.single("grant_type"));
  }

  @Test
  void rfc6749_3_1_whenRepeatedWithSameValue_thenStillInvalidRequest() {
    Parameters p = Parameters.of(Map.of("code", List.of("abc", "abc")));

    assertOAuthError(OAuthErrorCode.INVALID_REQUEST, () -> p.single("code"));
  }

  @Test
  void rfc6749_3_1_whenValueEmpty_thenTreatedAsOmitted() {
    Parameters p = Parameters.of(Map.of("scope", List.of("")));

    assertEquals(Optional.empty(), p.single("scope"));
    assertFalse(p.has("scope"));
    assertTrue(p.names().isEmpty());
  }

  @Test
  void rfc6749_3_1_whenEmptyAndNonEmptyValue_thenOnlyTheNonEmptyCounts() {
    Parameters p = Parameters.of(Map.of("state", List.of("", "xyz")));

    assertEquals(Optional.of("xyz"), p.single("state"));
  }

  @Test
  void rfc6749_3_1_whenRequiredMissingOrEmpty_thenInvalidRequest() {
    Parameters p = Parameters.of(Map.of("grant_type", List.of("")));

    assertOAuthError(OAuthErrorCode.INVALID_REQUEST, () -> p.required("grant_type"));
    assertOAuthError(OAuthErrorCode.INVALID_REQUEST, () -> p.required("code"));
  }

  @Test
  void rfc6749_3_1_whenRequiredPresentOnce_thenValue() {
    assertEquals("x", Parameters.of(Map.of("a", List.of("x"))).required("a"));
  }

  @Test
  void houseRule9_whenSourceMapMutatedLater_thenViewUnchangedAndImmutable() {
    List<String> values = new ArrayList<>(List.of("one"));
    Map<String, List<String>> raw = new HashMap<>();
    raw.put("a", values);
    Parameters p = Parameters.of(raw);

    values.add("two");
    raw.put("b", List.of("x"));

    assertEquals(List.of("one"), p.all("a"));
    assertFalse(p.has("b"));
    assertThrows(UnsupportedOperationException.class, () -> p.all("a").add("three"));
    assertThrows(UnsupportedOperationException.class, () -> p.names().clear());
  }

  @Test
  void houseRule9_whenNullsInSourceMap_thenIgnored() {
    Map<String, List<String>> raw = new HashMap<>();
    raw.put(null, List.of("x"));
    raw.put("a", null);
    raw.put("b", Arrays.asList(null, "y"));

    Parameters p = Parameters.of(raw);

    assertEquals(List.of("b"), List.copyOf(p.names()));
    assertEquals(Optional.of("y"), p.single("b"));
  }

  @Test
  void houseRule8_whenPrinted_thenNamesOnlyNeverValues() {
    Parameters p = Parameters.of(Map.of("client_secret", List.of("super-secret-value")));

    assertFalse(p.toString().contains("super-secret-value"));
    assertTrue(p.toString().contains("client_secret"));
  }
}
