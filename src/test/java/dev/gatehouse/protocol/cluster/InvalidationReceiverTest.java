package dev.gatehouse.protocol.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.util.Base64URL;
import dev.gatehouse.protocol.cluster.InvalidationMessage.Content;
import dev.gatehouse.protocol.cluster.InvalidationReceiver.Received;
import dev.gatehouse.protocol.cluster.InvalidationReceiver.Verdict;
import dev.gatehouse.protocol.support.MutableClock;
import dev.gatehouse.protocol.support.RandomTokens;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A peer's cache invalidation is applied only when its MAC is right, its time is within the window and its nonce is
 * new; anything else is refused, and a refused message leaves nothing behind.
 */
class InvalidationReceiverTest {
  private static final ClusterKey KEY = ClusterKey.derive("it-cluster-secret-0123456789abcdefghijklmnop");
  private static final Invalidation TOKEN = new Invalidation("TOKEN", "9f86d081884c7d659a2feaa0c55ad015");

  private final MutableClock clock = MutableClock.startingAt2025();
  private final InvalidationReceiver receiver = new InvalidationReceiver(KEY, clock);

  private String message(Invalidation invalidation, Instant sentAt) {
    return InvalidationMessage.sign(new Content(invalidation, sentAt, RandomTokens.generate()), KEY);
  }

  private String message() {
    return message(TOKEN, clock.instant());
  }

  /** A message with these exact header and claims, MAC'd with {@code key}: what only a holder of the key can make. */
  private static String signed(JWSHeader header, Map<String, Object> claims, ClusterKey key) throws Exception {
    return signed(header, claims, key.bytes());
  }

  private static String signed(JWSHeader header, Map<String, Object> claims, byte[] secret) throws Exception {
    JWSObject jws = new JWSObject(header, new Payload(claims));
    jws.sign(new MACSigner(secret));
    return jws.serialize();
  }

  private static JWSHeader header() {
    return new JWSHeader.Builder(JWSAlgorithm.HS256).type(InvalidationMessage.TYPE).build();
  }

  private Map<String, Object> claims() {
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("ver", 1);
    claims.put("kind", "TOKEN");
    claims.put("key", "abc");
    claims.put("iat", clock.instant().getEpochSecond());
    claims.put("jti", RandomTokens.generate());
    return claims;
  }

  private void assertRefused(Verdict expected, String message) {
    Received received = receiver.receive(message);
    assertEquals(expected, received.verdict());
    assertNull(received.invalidation(), "a refused message says nothing to apply");
  }

  @Test
  void whenAuthenticFreshAndNew_thenAccepted() {
    Received received = receiver.receive(message());
    assertTrue(received.accepted());
    assertEquals(TOKEN, received.invalidation());
  }

  @Test
  void whenMadeWithAnotherSecret_thenForged() {
    ClusterKey other = ClusterKey.derive("another-cluster-secret-0123456789abcdefghij");
    assertRefused(Verdict.FORGED,
        InvalidationMessage.sign(new Content(TOKEN, clock.instant(), RandomTokens.generate()), other));
  }

  @Test
  void whenAnyClaimIsChangedAfterSigning_thenForged() {
    String valid = message(new Invalidation("TOKEN", "abc"), clock.instant());
    String[] parts = valid.split("\\.");
    String payload = new String(Base64URL.from(parts[1]).decode(), StandardCharsets.UTF_8);
    String nonce = payload.replaceAll(".*\"jti\":\"([^\"]+)\".*", "$1");
    long iat = clock.instant().getEpochSecond();
    Map<String, String> tampered = Map.of(
        "ver", payload.replace("\"ver\":1", "\"ver\":2"),
        "kind", payload.replace("\"kind\":\"TOKEN\"", "\"kind\":\"ALL_TOKENS\""),
        "key", payload.replace("\"key\":\"abc\"", "\"key\":\"abd\""),
        "iat", payload.replace("\"iat\":" + iat, "\"iat\":" + (iat + 1)),
        "jti", payload.replace(nonce, nonce.substring(1) + "A"));
    tampered.forEach((claim, changed) -> {
      assertTrue(!changed.equals(payload), claim + " was changed");
      String forged = parts[0] + "." + Base64URL.encode(changed.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
      assertRefused(Verdict.FORGED, forged);
    });
    assertTrue(receiver.receive(valid).accepted(), "the untouched message still passes");
  }

  @Test
  void whenTheHeaderOrTheMacIsChanged_thenForged() {
    String[] parts = message().split("\\.");
    String header = new String(Base64URL.from(parts[0]).decode(), StandardCharsets.UTF_8);
    String spaced = Base64URL.encode(header.replace(",", ", ").getBytes(StandardCharsets.UTF_8)).toString();
    assertRefused(Verdict.FORGED, spaced + "." + parts[1] + "." + parts[2]);
    char last = parts[2].charAt(0);
    String mac = (last == 'A' ? 'B' : 'A') + parts[2].substring(1);
    assertRefused(Verdict.FORGED, parts[0] + "." + parts[1] + "." + mac);
    assertRefused(Verdict.FORGED, parts[0] + "." + parts[1] + "." + Base64URL.encode(new byte[32]));
  }

  @Test
  void whenOlderOrNewerThanTheWindow_thenOutOfWindow() {
    Duration window = InvalidationReceiver.MAX_SKEW;
    assertRefused(Verdict.OUT_OF_WINDOW, message(TOKEN, clock.instant().minus(window).minusSeconds(1)));
    assertRefused(Verdict.OUT_OF_WINDOW, message(TOKEN, clock.instant().plus(window).plusSeconds(1)));
    assertTrue(receiver.receive(message(TOKEN, clock.instant().minus(window))).accepted(), "the window's edge");
    assertTrue(receiver.receive(message(TOKEN, clock.instant().plus(window))).accepted(), "the window's edge");
  }

  @Test
  void whenTheSameMessageArrivesAgain_thenReplayedWithinTheWindowAndOutOfWindowAfter() {
    String captured = message();
    assertTrue(receiver.receive(captured).accepted());
    assertRefused(Verdict.REPLAYED, captured);
    clock.advance(InvalidationReceiver.MAX_SKEW);
    assertRefused(Verdict.REPLAYED, captured);
    clock.advance(Duration.ofSeconds(1));
    assertRefused(Verdict.OUT_OF_WINDOW, captured);
  }

  @Test
  void whenTheSameNonceComesWithOtherContent_thenReplayed() throws Exception {
    Map<String, Object> claims = claims();
    assertTrue(receiver.receive(signed(header(), claims, KEY)).accepted());
    claims.put("kind", "ALL_TOKENS");
    assertRefused(Verdict.REPLAYED, signed(header(), claims, KEY));
  }

  @Test
  void whenLongerThanTheLimitOrNotACompactJws_thenMalformed() {
    assertRefused(Verdict.MALFORMED, "a".repeat(InvalidationMessage.MAX_LENGTH) + ".b.c");
    assertRefused(Verdict.MALFORMED, message() + "." + "a".repeat(InvalidationMessage.MAX_LENGTH));
    for (String junk : new String[] {null, "", "kind=ALL_TOKENS&key=*", "a.b", "a.b.c.d", "a..c", "é.b.c", "a.b.c\n"}) {
      assertRefused(Verdict.MALFORMED, junk);
    }
  }

  @Test
  void whenTheHeaderIsNotExactlyOurs_thenMalformed() throws Exception {
    assertRefused(Verdict.MALFORMED, signed(new JWSHeader(JWSAlgorithm.HS256), claims(), KEY));
    assertRefused(Verdict.MALFORMED, signed(
        new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(), claims(), KEY));
    assertRefused(Verdict.MALFORMED, signed(
        new JWSHeader.Builder(JWSAlgorithm.HS512).type(InvalidationMessage.TYPE).build(), claims(), new byte[64]));
    assertRefused(Verdict.MALFORMED, signed(
        new JWSHeader.Builder(JWSAlgorithm.HS256).type(InvalidationMessage.TYPE).keyID("k").build(), claims(), KEY));
    String unsigned = Base64URL.encode("{\"alg\":\"none\"}") + "." + Base64URL.encode("{}") + ".AAAA";
    assertRefused(Verdict.MALFORMED, unsigned);
  }

  @Test
  void whenAuthenticButTheClaimsAreNotExactlyOurs_thenMalformed() throws Exception {
    Map<String, Object> extra = claims();
    extra.put("scope", "everything");
    Map<String, Object> missing = claims();
    missing.remove("jti");
    Map<String, Object> version = claims();
    version.put("ver", 2);
    Map<String, Object> textTime = claims();
    textTime.put("iat", "now");
    Map<String, Object> badKey = claims();
    badKey.put("key", "has space");
    Map<String, Object> shortNonce = claims();
    shortNonce.put("jti", "abc");
    for (Map<String, Object> claims : java.util.List.of(extra, missing, version, textTime, badKey, shortNonce)) {
      assertRefused(Verdict.MALFORMED, signed(header(), claims, KEY));
    }
  }

  @Test
  void whenForgedOrMalformed_thenNoNonceIsRemembered() throws Exception {
    ClusterKey other = ClusterKey.derive("another-cluster-secret-0123456789abcdefghij");
    InvalidationReceiver tiny = new InvalidationReceiver(KEY, clock, 1);
    for (int i = 0; i < 100; i++) {
      assertEquals(Verdict.FORGED, tiny.receive(signed(header(), claims(), other)).verdict());
    }
    assertTrue(tiny.receive(message()).accepted(), "forged messages took no room in the nonce memory");
  }

  @Test
  void whenTheNonceMemoryIsFull_thenRefusedUntilTheOldNoncesExpire() {
    InvalidationReceiver small = new InvalidationReceiver(KEY, clock, 2);
    assertTrue(small.receive(message()).accepted());
    assertTrue(small.receive(message()).accepted());
    assertEquals(Verdict.TOO_MANY, small.receive(message()).verdict());
    clock.advance(InvalidationReceiver.MAX_SKEW.plusSeconds(1));
    assertTrue(small.receive(message()).accepted(), "the first two nonces were forgotten once too old to replay");
  }

  @Test
  void whenTheKeyHasEveryVisibleAsciiCharacter_thenItArrivesUnchanged() {
    StringBuilder key = new StringBuilder();
    for (char c = 0x21; c <= 0x7E; c++) {
      key.append(c);
    }
    Invalidation client = new Invalidation("CLIENT", key.toString() + "<>&'\"\\".repeat(26));
    String message = message(client, clock.instant());
    assertTrue(message.length() <= InvalidationMessage.MAX_LENGTH, message.length() + " characters");
    assertEquals(client, receiver.receive(message).invalidation());
  }
}
