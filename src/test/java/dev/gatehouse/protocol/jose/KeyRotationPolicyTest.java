package dev.gatehouse.protocol.jose;

import static com.nimbusds.jose.JWSAlgorithm.ES256;
import static com.nimbusds.jose.JWSAlgorithm.RS256;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rotation rules on hand-made key rows (no key material is needed to decide). */
class KeyRotationPolicyTest {

  private static final Duration ROTATION = Duration.ofDays(90);
  private static final Duration OVERLAP = Duration.ofDays(1);
  private static final Duration LIFETIME = Duration.ofMinutes(10);
  private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
  private final KeyRotationPolicy policy = new KeyRotationPolicy(new KeyRotationSettings(ROTATION, OVERLAP, LIFETIME));

  static SigningKey key(String kid, JWSAlgorithm alg, Instant activatesAt) {
    return SigningKey.created(kid, alg, "{}", "jwe", activatesAt, activatesAt);
  }

  private static List<String> kids(List<SigningKey> keys) {
    return keys.stream().map(SigningKey::kid).toList();
  }

  /** One active key per algorithm, activated at T0. */
  private static List<SigningKey> firstKeys() {
    return List.of(key("rsa-1", RS256, T0), key("ec-1", ES256, T0));
  }

  /** The first keys, with RS256's successor stored (retirement of rsa-1 recorded, as the rotation does). */
  private List<SigningKey> withRsaSuccessor() {
    Instant next = T0.plus(ROTATION);
    return List.of(key("rsa-1", RS256, T0).retire(next, LIFETIME), key("rsa-2", RS256, next),
        key("ec-1", ES256, T0));
  }

  @Test
  void rotation_whenNoKeys_thenOneKeyPerAlgorithmDueToSignAtOnce() {
    assertEquals(List.of(new KeyRotationPolicy.Due(RS256, T0), new KeyRotationPolicy.Due(ES256, T0)),
        policy.due(List.of(), T0));
  }

  @Test
  void rotation_whenOnlyOneAlgorithmHasAKey_thenTheOtherIsDueAtOnce() {
    assertEquals(List.of(new KeyRotationPolicy.Due(ES256, T0.plusSeconds(5))),
        policy.due(List.of(key("rsa-1", RS256, T0)), T0.plusSeconds(5)));
  }

  @Test
  void rotation_whenActiveKeyHasNotSignedForRotationMinusOverlap_thenNothingDue() {
    Instant justBefore = T0.plus(ROTATION).minus(OVERLAP).minusMillis(1);
    assertEquals(List.of(), policy.due(firstKeys(), justBefore));
  }

  @Test
  void rotation_whenOverlapStarts_thenSuccessorDueToActivateOneOverlapLater() {
    Instant overlapStarts = T0.plus(ROTATION).minus(OVERLAP);
    assertEquals(List.of(new KeyRotationPolicy.Due(RS256, T0.plus(ROTATION)),
        new KeyRotationPolicy.Due(ES256, T0.plus(ROTATION))), policy.due(firstKeys(), overlapStarts));
  }

  @Test
  void rotation_whenEveryNodeWasDownWhenDue_thenSuccessorStillPublishedForTheFullOverlap() {
    Instant late = T0.plus(ROTATION).plus(Duration.ofDays(3));
    assertEquals(List.of(new KeyRotationPolicy.Due(RS256, late.plus(OVERLAP)),
        new KeyRotationPolicy.Due(ES256, late.plus(OVERLAP))), policy.due(firstKeys(), late));
  }

  @Test
  void rotation_whenSuccessorAlreadyStored_thenNoSecondSuccessorDue() {
    Instant overlapStarts = T0.plus(ROTATION).minus(OVERLAP);
    assertEquals(List.of(new KeyRotationPolicy.Due(ES256, T0.plus(ROTATION))),
        policy.due(withRsaSuccessor(), overlapStarts));
  }

  @Test
  void rotation_whenNextKeyNotYetActive_thenOldKeyStillSigns() {
    Instant justBefore = T0.plus(ROTATION).minusMillis(1);
    assertEquals("rsa-1", policy.signing(withRsaSuccessor(), RS256, justBefore).orElseThrow().kid());
  }

  @Test
  void rotation_whenNextKeyActivates_thenItSignsFromThatInstant() {
    assertEquals("rsa-2", policy.signing(withRsaSuccessor(), RS256, T0.plus(ROTATION)).orElseThrow().kid());
    assertEquals("ec-1", policy.signing(withRsaSuccessor(), ES256, T0.plus(ROTATION)).orElseThrow().kid(),
        "each algorithm rotates on its own");
  }

  @Test
  void rotation_whenNoKeyHasActivatedYet_thenTheEarliestSignsRatherThanNone() {
    // A node whose clock is behind the one that created the first keys.
    List<SigningKey> keys = List.of(key("rsa-1", RS256, T0), key("rsa-0", RS256, T0.minusSeconds(1)));
    assertEquals("rsa-0", policy.signing(keys, RS256, T0.minusSeconds(2)).orElseThrow().kid());
    assertTrue(policy.signing(keys, ES256, T0).isEmpty(), "no ES256 key exists");
  }

  @Test
  void rotation_whenSuccessorStored_thenPredecessorRetiredAtItsActivationAndPublishedForTheLongestLifetime() {
    Instant next = T0.plus(ROTATION);
    List<SigningKey> keys = List.of(key("rsa-1", RS256, T0), key("rsa-2", RS256, next), key("ec-1", ES256, T0));

    List<SigningKey> retired = policy.retirements(keys);

    assertEquals(List.of("rsa-1"), kids(retired));
    assertEquals(next, retired.get(0).retiredAt());
    assertEquals(next.plus(LIFETIME), retired.get(0).publishedUntil());
    assertEquals(List.of(), policy.retirements(withRsaSuccessor()), "a recorded retirement is not recorded again");
  }

  @Test
  void jwks_whenNextKeyStored_thenPublishedBeforeItSigns() {
    Instant overlap = T0.plus(ROTATION).minus(OVERLAP);
    assertEquals(List.of("rsa-1", "rsa-2", "ec-1"), kids(policy.published(withRsaSuccessor(), overlap)),
        "RS256 first, then ES256, each by activation");
  }

  @Test
  void jwks_whenRetiredKeysTokensMayStillBeValid_thenStillPublished() {
    Instant lastTokenExpires = T0.plus(ROTATION).plus(LIFETIME).minusMillis(1);
    assertEquals(List.of("rsa-1", "rsa-2", "ec-1"), kids(policy.published(withRsaSuccessor(), lastTokenExpires)));
    assertEquals(List.of(), policy.deletable(withRsaSuccessor(), lastTokenExpires));
  }

  @Test
  void jwks_whenEveryTokenOfRetiredKeyExpired_thenUnpublishedAndDeletable() {
    Instant after = T0.plus(ROTATION).plus(LIFETIME);
    assertEquals(List.of("rsa-2", "ec-1"), kids(policy.published(withRsaSuccessor(), after)));
    assertEquals(List.of("rsa-1"), policy.deletable(withRsaSuccessor(), after));
  }

  @Test
  void jwks_whenARetiredKeyStillSigns_thenItStaysPublishedAndIsNeverDeleted() {
    // A retirement recorded against a successor that was deleted by hand: the key still signs, so it stays.
    List<SigningKey> keys = List.of(key("rsa-1", RS256, T0).retire(T0.plusSeconds(1), LIFETIME));
    Instant later = T0.plus(Duration.ofDays(1));
    assertEquals("rsa-1", policy.signing(keys, RS256, later).orElseThrow().kid());
    assertEquals(List.of("rsa-1"), kids(policy.published(keys, later)));
    assertEquals(List.of(), policy.deletable(keys, later));
  }
}
