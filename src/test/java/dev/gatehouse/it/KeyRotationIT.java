package dev.gatehouse.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.it.signing.SigningProbe;
import jakarta.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Key rotation on a node with short settings: a key signs for 12 s, its successor is published 4 s before it signs,
 * and everything signed lives 8 s (MariaDB execution only; it reads the key table). The Arquillian container runs
 * every class with the same settings, so this class starts its own node (on the peer port, its own table prefix
 * {@code rot_}) and needs no Arquillian deployment.
 *
 * <p>Each assertion is about what the server decided, judged by the key table and the times before and after the
 * request on the machine's one clock: a sample that straddles a key's activation proves nothing and is not judged.
 * The waits poll and end as soon as the awaited key appears; 60 s is only the give-up point.
 */
@ExtendWith(MariaDbOnly.class)
class KeyRotationIT {

  private static final String TABLE = "rot_signing_keys";
  private static final long GIVE_UP_MILLIS = 60_000;
  private static final long OVERLAP_MILLIS = 4_000;
  private static final int ATTEMPTS = 3;
  private static PayaraNode node;

  @BeforeAll
  static void startRotatingNode() throws Exception {
    node = PayaraNode.start("gatehouse-rotating", Integer.parseInt(System.getProperty("gatehouse.it.peerPort")),
        Deployments.file(Deployments.war().addClass(SigningProbe.class)), Map.of(
            "GATEHOUSE_TABLE_PREFIX", "rot_",
            "GATEHOUSE_CLUSTER_PEERS", "",
            "GATEHOUSE_SIGNING_KEY_ROTATION", "PT12S",
            "GATEHOUSE_SIGNING_KEY_OVERLAP", "PT4S",
            "GATEHOUSE_ID_TOKEN_TTL", "PT8S",
            "GATEHOUSE_ACCESS_TOKEN_TTL", "PT8S"));
  }

  @AfterAll
  static void stopRotatingNode() throws InterruptedException {
    if (node != null) {
      node.close();
    }
  }

  /** A row of the key table: kid and activation time. */
  private record Key(String kid, long activatesAt) {}

  /** A JWT from the server, with the clock read before the request and after the answer. */
  private record Signed(long before, String jwt, long after) {
    String kid() {
      return SignedJwts.kid(jwt);
    }
  }

  private static URI base() {
    return URI.create(node.base());
  }

  private static Signed sign() {
    long before = System.currentTimeMillis();
    String jwt = SignedJwts.sign(base(), "RS256");
    return new Signed(before, jwt, System.currentTimeMillis());
  }

  private static List<Key> rsaKeys() {
    return Database.rows("SELECT kid, activates_at FROM " + TABLE + " WHERE alg = 'RS256'").stream()
        .map(row -> new Key((String) row.get("kid"), ((Number) row.get("activates_at")).longValue()))
        .sorted(Comparator.comparingLong(Key::activatesAt))
        .toList();
  }

  /** The key that must have signed a request made in [before, after], or empty when a key activated in between. */
  private static Optional<String> mustHaveSigned(List<Key> keys, Signed signed) {
    if (keys.stream().anyMatch(k -> k.activatesAt() > signed.before() && k.activatesAt() <= signed.after())) {
      return Optional.empty();
    }
    return keys.stream().filter(k -> k.activatesAt() <= signed.before()).reduce((a, b) -> b).map(Key::kid);
  }

  /** The stored key that has not activated yet, once there is one that activates at least {@code lead} from now. */
  private static Key awaitNextKey(long lead) throws InterruptedException {
    return poll(() -> rsaKeys().stream()
        .filter(k -> k.activatesAt() - System.currentTimeMillis() >= lead).findFirst().orElse(null));
  }

  /** The first JWKS that publishes {@code key}; fails unless it was fetched before the key activates. */
  private static JsonObject awaitPublished(Key key) throws InterruptedException {
    while (true) {
      JsonObject jwks = SignedJwts.jwks(base());
      long fetched = System.currentTimeMillis();
      if (SignedJwts.key(jwks, key.kid()) != null) {
        return jwks;
      }
      assertTrue(fetched < key.activatesAt(), () -> "key " + key.kid() + " activated unpublished; see " + node.log());
      Thread.sleep(100);
    }
  }

  private static void sleepUntil(long millis) throws InterruptedException {
    Thread.sleep(Math.max(0, millis - System.currentTimeMillis()));
  }

  private static <T> T poll(Supplier<T> found) throws InterruptedException {
    long deadline = System.currentTimeMillis() + GIVE_UP_MILLIS;
    for (T value = found.get(); System.currentTimeMillis() < deadline; value = found.get()) {
      if (value != null) {
        return value;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("gave up after " + GIVE_UP_MILLIS + " ms; see " + node.log());
  }

  /**
   * A JWT signed about {@code lead} ms (or less) before {@code next} activates, checked to be signed by the key that
   * signs until then; empty when the request did not end before the activation (a slow machine proves nothing either
   * way: the caller tries again with the following key).
   */
  private static Optional<Signed> signBefore(Key next, long lead) throws InterruptedException {
    sleepUntil(next.activatesAt() - lead);
    Signed signed = sign();
    if (signed.after() >= next.activatesAt()) {
      sleepUntil(next.activatesAt() + 1);
      return Optional.empty();
    }
    assertEquals(mustHaveSigned(rsaKeys(), signed).orElseThrow(), signed.kid(), "the active key signs");
    assertNotEquals(next.kid(), signed.kid(), "the next key does not sign yet");
    return Optional.of(signed);
  }

  @Test
  void rotation_whenOverlapStarts_thenNextKeyPublishedBeforeItSigns() throws InterruptedException {
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      Key next = awaitNextKey(2_000);
      JsonObject jwks = awaitPublished(next);
      Optional<Signed> signed = signBefore(next, OVERLAP_MILLIS);
      if (signed.isPresent()) {
        assertTrue(SignedJwts.kids(jwks, "RS256").contains(next.kid()), "the next key is in the JWKS");
        assertTrue(SignedJwts.kids(jwks, "RS256").contains(signed.get().kid()), "so is the key that signs");
        assertTrue(SignedJwts.verifies(signed.get().jwt(), jwks));
        assertEquals(1, rsaKeys().stream().filter(k -> k.activatesAt() > signed.get().after()).count(),
            "exactly one successor for the slot");
        return;
      }
    }
    throw new AssertionError(ATTEMPTS + " requests in a row took longer than the key overlap");
  }

  @Test
  void rotation_whenNextKeyActivates_thenNewJwtsCarryItsKid() throws InterruptedException {
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      Key next = awaitNextKey(2_000);
      Optional<Signed> before = signBefore(next, 1_000);
      if (before.isPresent()) {
        sleepUntil(next.activatesAt() + 1);
        Signed after = sign();
        assertEquals(Optional.of(next.kid()), mustHaveSigned(rsaKeys(), after), "the next key is the active one");
        assertEquals(next.kid(), after.kid(), "from its activation, the new key signs");
        assertNotEquals(before.get().kid(), after.kid());
        assertTrue(SignedJwts.verifies(after.jwt(), SignedJwts.jwks(base())));
        return;
      }
    }
    throw new AssertionError(ATTEMPTS + " requests in a row took longer than the key overlap");
  }

  @Test
  void rotation_whenKeyRetired_thenOldJwtVerifiesUntilItsLifetimeHasPassed_thenTheOldKeyDisappears()
      throws InterruptedException {
    // An old JWT signed about a second before its key retires: it outlives the retirement by several seconds.
    Key next = null;
    Signed old = null;
    for (int attempt = 1; old == null; attempt++) {
      assertTrue(attempt <= ATTEMPTS, ATTEMPTS + " requests in a row took longer than the key overlap");
      next = awaitNextKey(2_000);
      old = signBefore(next, 1_000).orElse(null);
    }
    long expiresAt = SignedJwts.claims(old.jwt()).getJsonNumber("exp").longValue() * 1000;
    assertTrue(expiresAt > next.activatesAt(), "the old JWT outlives its key's retirement");

    sleepUntil(next.activatesAt() + 1);
    assertEquals(next.kid(), sign().kid(), "the new key signs");
    int verifiedAfterRetirement = 0;
    long goneAt;
    while (true) {
      long fetchedFrom = System.currentTimeMillis();
      JsonObject jwks = SignedJwts.jwks(base());
      long fetchedTo = System.currentTimeMillis();
      if (SignedJwts.key(jwks, old.kid()) == null) {
        goneAt = fetchedTo;
        break;
      }
      assertTrue(SignedJwts.verifies(old.jwt(), jwks), "while its key is published, the old JWT verifies");
      verifiedAfterRetirement += fetchedTo < expiresAt ? 1 : 0;
      assertTrue(fetchedFrom < expiresAt + GIVE_UP_MILLIS, "the old key was never unpublished");
      Thread.sleep(100);
    }
    assertTrue(verifiedAfterRetirement > 0, "the old JWT verified against the JWKS after its key retired");
    assertTrue(goneAt >= expiresAt, "the old key left the JWKS only after the old JWT expired");
    assertFalse(SignedJwts.verifies(old.jwt(), SignedJwts.jwks(base())));
    assertNotNull(SignedJwts.key(SignedJwts.jwks(base()), next.kid()), "the new key stays");

    // Once unpublished, the rotation job deletes the row (the poll fails the test if it never goes).
    String oldKid = old.kid();
    poll(() -> Database.rows("SELECT kid FROM " + TABLE + " WHERE kid = ?", oldKid).isEmpty() ? "deleted" : null);
  }
}
