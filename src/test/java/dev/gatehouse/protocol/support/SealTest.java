package dev.gatehouse.protocol.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SealTest {
  private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] OTHER_KEY = "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII);
  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T10:00:00Z"));
  private final Seal notes = new Seal(KEY, "test-note+jwt", Duration.ofMinutes(2), clock);

  @Test
  void whenClosedAndOpened_thenTheContentAndTheTimeComeBack() {
    String sealed = notes.close(Map.of("n", "admin.client.created", "s", "secret-value"));

    Seal.Opened opened = notes.open(sealed).orElseThrow();

    assertEquals(Map.of("n", "admin.client.created", "s", "secret-value"), opened.content());
    assertEquals(clock.instant().toEpochMilli(), opened.sealedAt().toEpochMilli());
    assertFalse(sealed.contains("secret-value"), "encrypted, not only signed");
  }

  @Test
  void whenTheLifetimeHasPassed_thenItNoLongerOpens() {
    String sealed = notes.close(Map.of("n", "x"));
    clock.advance(Duration.ofMinutes(2));
    assertTrue(notes.open(sealed).isPresent(), "open up to its lifetime");
    clock.advance(Duration.ofMillis(1));
    assertTrue(notes.open(sealed).isEmpty());
  }

  @Test
  void whenDatedInTheFuture_thenItDoesNotOpen() {
    assertTrue(notes.open(notes.close(Map.of("n", "x"), clock.instant().plus(Duration.ofMinutes(2)))).isEmpty());
    assertTrue(notes.open(notes.close(Map.of("n", "x"), clock.instant().plus(Duration.ofSeconds(30)))).isPresent(),
        "a minute of clock skew between nodes is allowed");
  }

  @Test
  void whenSealedForAnotherPurposeOrUnderAnotherKey_thenItDoesNotOpen() {
    Seal otherPurpose = new Seal(KEY, "other+jwt", Duration.ofMinutes(2), clock);
    Seal otherKey = new Seal(OTHER_KEY, "test-note+jwt", Duration.ofMinutes(2), clock);
    String sealed = notes.close(Map.of("n", "x"));

    assertTrue(otherPurpose.open(sealed).isEmpty());
    assertTrue(otherKey.open(sealed).isEmpty());
  }

  @Test
  void whenAnyBitIsChanged_thenItDoesNotOpen() {
    // Bits, not characters: the last base64url character of a part may carry unused bits that decode alike.
    String[] parts = notes.close(Map.of("n", "x")).split("\\.", -1);
    assertEquals(5, parts.length);
    Base64.Decoder decoder = Base64.getUrlDecoder();
    Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
    for (int part : new int[] {0, 2, 3, 4}) {
      byte[] bytes = decoder.decode(parts[part]);
      for (int bit = 0; bit < bytes.length * 8; bit++) {
        byte[] changed = bytes.clone();
        changed[bit / 8] ^= (byte) (1 << (bit % 8));
        String[] copy = parts.clone();
        copy[part] = encoder.encodeToString(changed);
        assertTrue(notes.open(String.join(".", copy)).isEmpty(), "part " + part + ", bit " + bit);
      }
    }
  }

  @Test
  void whenGivenAnythingElse_thenItIsEmptyAndNeverThrows() {
    for (String junk : new String[] {null, "", "x", "a.b.c.d.e", "....", "eyJhbGciOiJub25lIn0..", "%%%",
        "x".repeat(Seal.MAX_SEALED + 1)}) {
      assertTrue(notes.open(junk).isEmpty(), String.valueOf(junk).length() > 40 ? "long" : String.valueOf(junk));
    }
  }

  @Test
  void whenTheKeyIsNot256Bits_thenTheSealIsRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> new Seal(new byte[16], "t", Duration.ofMinutes(1), clock));
  }
}
