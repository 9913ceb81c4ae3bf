package dev.gatehouse.protocol.authorize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.protocol.error.OAuthErrorCode;
import dev.gatehouse.protocol.error.OAuthException;
import dev.gatehouse.protocol.support.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SealedRequestsTest {
  private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T10:00:00Z"));
  private final SealedRequests sealed = new SealedRequests(KEY, clock);

  private static Map<String, List<String>> request() {
    Map<String, List<String>> raw = new LinkedHashMap<>();
    raw.put("response_type", List.of("code"));
    raw.put("client_id", List.of("app"));
    raw.put("redirect_uri", List.of("https://app.example.com/cb"));
    raw.put("scope", List.of("openid profile"));
    raw.put("state", List.of("s-1"));
    raw.put("resource", List.of("https://api.example.com/a", "https://api.example.com/b"));
    return raw;
  }

  @Test
  void whenSealedAndOpened_thenTheKeptParametersAndTheArrivalComeBack() {
    Instant arrived = clock.instant();
    String value = sealed.seal(request(), arrived);
    clock.advance(Duration.ofMinutes(14));
    SealedRequests.Pending pending = sealed.open(value).orElseThrow();
    assertEquals(request(), pending.parameters());
    assertEquals(arrived, pending.arrived());
  }

  @Test
  void whenParametersTheFlowDoesNotRead_thenTheyAreNotKept() {
    Map<String, List<String>> raw = request();
    raw.put("junk", List.of("x".repeat(10_000)));
    raw.put("csrf", List.of("t"));
    SealedRequests.Pending pending = sealed.open(sealed.seal(raw, clock.instant())).orElseThrow();
    assertEquals(request(), pending.parameters());
  }

  @Test
  void whenTheBrowserReadsTheValue_thenItSeesNoParameter() {
    String value = sealed.seal(request(), clock.instant());
    String[] parts = value.split("\\.");
    assertEquals(5, parts.length, "a compact JWE");
    String readable = String.join("", Arrays.stream(parts).map(p -> {
      try {
        return new String(Base64.getUrlDecoder().decode(p), StandardCharsets.ISO_8859_1);
      } catch (IllegalArgumentException e) {
        return p;
      }
    }).toList());
    assertFalse(readable.contains("app.example.com"), readable);
    assertFalse(readable.contains("openid"), readable);
  }

  @Test
  void whenOlderThanTheLifetime_thenItDoesNotOpen() {
    String value = sealed.seal(request(), clock.instant());
    clock.advance(SealedRequests.LIFETIME.plusSeconds(1));
    assertTrue(sealed.open(value).isEmpty());
  }

  @Test
  void whenChangedOrSealedWithAnotherKey_thenItDoesNotOpen() {
    String value = sealed.seal(request(), clock.instant());
    String[] parts = value.split("\\.");
    // The first character of the tag: all six of its bits count (the last one of a base64url value may carry padding).
    char t = parts[4].charAt(0);
    String tampered = String.join(".", parts[0], parts[1], parts[2], parts[3], (t == 'A' ? 'B' : 'A')
        + parts[4].substring(1));
    assertTrue(sealed.open(tampered).isEmpty(), "tag changed");
    char c = parts[3].charAt(0);
    parts[3] = (c == 'A' ? 'B' : 'A') + parts[3].substring(1);
    assertTrue(sealed.open(String.join(".", parts)).isEmpty(), "ciphertext changed");

    byte[] other = KEY.clone();
    other[0] ^= 1;
    assertTrue(new SealedRequests(other, clock).open(value).isEmpty());
  }

  @Test
  void whenNotASealedRequest_thenItDoesNotOpen() {
    assertTrue(sealed.open(null).isEmpty());
    assertTrue(sealed.open("").isEmpty());
    assertTrue(sealed.open("a.b.c").isEmpty());
    assertTrue(sealed.open("x".repeat(9000)).isEmpty());
    assertTrue(sealed.open("eyJhbGciOiJub25lIn0.e30.").isEmpty(), "an unsigned JWT");
  }

  @Test
  void whenTheKeptValuesAreTooLong_thenInvalidRequest() {
    Map<String, List<String>> raw = request();
    raw.put("state", List.of("s".repeat(SealedRequests.MAX_VALUE + 1)));
    OAuthException e = assertThrows(OAuthException.class, () -> sealed.seal(raw, clock.instant()));
    assertEquals(OAuthErrorCode.INVALID_REQUEST, e.code());

    Map<String, List<String>> many = request();
    many.put("state", List.of("s".repeat(SealedRequests.MAX_VALUE)));
    many.put("nonce", List.of("n".repeat(SealedRequests.MAX_TOTAL - SealedRequests.MAX_VALUE)));
    assertThrows(OAuthException.class, () -> sealed.seal(many, clock.instant()));
  }

  @Test
  void whenTheLargestRequestIsSealed_thenItStaysWithinTheUrlBudget() {
    Map<String, List<String>> raw = request();
    raw.put("id_token_hint", List.of("h".repeat(SealedRequests.MAX_VALUE)));
    int used = raw.values().stream().flatMap(List::stream).mapToInt(String::length).sum();
    raw.put("state", List.of("s".repeat(SealedRequests.MAX_TOTAL - used + 3)));
    String value = sealed.seal(raw, clock.instant());
    assertTrue(value.length() < 4608, "sealed request of " + value.length() + " characters");
  }
}
