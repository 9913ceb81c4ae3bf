package dev.gatehouse.protocol.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RandomTokensTest {

  @Test
  void rfc6749_10_10_whenGenerated_then43Base64UrlCharactersOf256Bits() {
    String token = RandomTokens.generate();

    assertEquals(43, token.length());
    assertTrue(token.matches("[A-Za-z0-9_-]{43}"), token);
  }

  @Test
  void rfc6749_10_10_whenGeneratedManyTimes_thenAllDistinct() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      assertTrue(seen.add(RandomTokens.generate()));
    }
  }
}
