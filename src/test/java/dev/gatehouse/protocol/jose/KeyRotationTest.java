package dev.gatehouse.protocol.jose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import dev.gatehouse.protocol.support.MutableClock;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rotation job over a store: what it writes, and that two nodes never create a key for the same slot. */
class KeyRotationTest {

  static final Duration ROTATION = Duration.ofDays(90);
  static final Duration OVERLAP = Duration.ofDays(1);
  static final Duration LIFETIME = Duration.ofMinutes(10);
  static final KeyRotationPolicy POLICY = new KeyRotationPolicy(new KeyRotationSettings(ROTATION, OVERLAP, LIFETIME));

  private final MutableClock clock = MutableClock.startingAt2025();
  private final InMemorySigningKeyStore store = new InMemorySigningKeyStore();
  private final PrivateKeyCipher cipher = new PrivateKeyCipher(newKek());

  static KeyEncryptionKey newKek() {
    return KeyEncryptionKey.parse(KeyEncryptionKey.newEncoded(new SecureRandom()), "TEST_KEK");
  }

  private KeyRotation rotation(SigningKeyStore store) {
    return new KeyRotation(store, new SigningKeyGenerator(), cipher, POLICY, clock);
  }

  private List<SigningKey> ofAlgorithm(JWSAlgorithm alg) {
    return store.all().stream().filter(k -> k.algorithm().equals(alg)).toList();
  }

  @Test
  void rotation_whenFirstStart_thenOneEncryptedKeyPerAlgorithmThatSignsAtOnce() {
    KeyRotation.Result result = rotation(store).rotate();

    assertEquals(2, result.created().size());
    for (JWSAlgorithm alg : KeyRotationPolicy.ALGORITHMS) {
      SigningKey key = ofAlgorithm(alg).get(0);
      assertEquals(clock.instant(), key.activatesAt());
      assertNull(key.publishedUntil());
      assertFalse(key.publicJwk().contains("\"d\""), "the public column holds no private member");
      assertFalse(key.encryptedPrivateJwk().contains("\"d\""), "the private column is ciphertext");
      assertEquals(key.kid(), cipher.decrypt(key.kid(), key.encryptedPrivateJwk()).getKeyID());
    }
  }

  @Test
  void rotation_whenNothingIsDue_thenNoLockTakenAndNothingWritten() {
    rotation(store).rotate();
    int locks = store.locks;
    List<SigningKey> before = store.all();
    clock.advance(ROTATION.minus(OVERLAP).minusSeconds(1));

    KeyRotation.Result result = rotation(store).rotate();

    assertFalse(result.changed());
    assertEquals(locks, store.locks, "the common case is a plain read");
    assertEquals(before, store.all());
  }

  @Test
  void rotation_whenOverlapStarts_thenSuccessorStoredAndPredecessorRetiredAtItsActivation() {
    rotation(store).rotate();
    Instant first = clock.instant();
    clock.advance(ROTATION.minus(OVERLAP));

    KeyRotation.Result result = rotation(store).rotate();

    assertEquals(2, result.created().size());
    assertEquals(2, result.retired().size());
    for (JWSAlgorithm alg : KeyRotationPolicy.ALGORITHMS) {
      List<SigningKey> keys = ofAlgorithm(alg);
      assertEquals(2, keys.size());
      assertEquals(first.plus(ROTATION), keys.get(1).activatesAt());
      assertEquals(first.plus(ROTATION), keys.get(0).retiredAt());
      assertEquals(first.plus(ROTATION).plus(LIFETIME), keys.get(0).publishedUntil());
    }
  }

  @Test
  void rotation_whenRetiredKeysTokensHaveAllExpired_thenItIsDeleted() {
    rotation(store).rotate();
    clock.advance(ROTATION.minus(OVERLAP));
    rotation(store).rotate();
    List<String> retired = store.all().stream().filter(k -> k.retiredAt() != null).map(SigningKey::kid).toList();

    clock.advance(OVERLAP.plus(LIFETIME).minusMillis(1));
    assertEquals(List.of(), rotation(store).rotate().deleted(), "published until its last token expires");
    clock.advance(Duration.ofMillis(1));
    assertEquals(retired, rotation(store).rotate().deleted());
    assertEquals(2, store.all().size());
  }

  @Test
  void cluster_whenAnotherNodeCreatedTheKeyWhileThisOneWaitedForTheLock_thenNoSecondKeyForTheSlot() {
    // This node reads "nothing there", generates, and then waits for the lock that the other node holds: the other
    // node commits its keys before the lock is granted.
    SigningKeyStore contended = new SigningKeyStore() {
      private boolean otherNodeRan;

      @Override
      public List<SigningKey> all() {
        return store.all();
      }

      @Override
      public void lockForRotation() {
        if (!otherNodeRan) {
          otherNodeRan = true;
          rotation(store).rotate();
        }
        store.lockForRotation();
      }

      @Override
      public void insert(SigningKey key) {
        store.insert(key);
      }

      @Override
      public void retire(String kid, Instant retiredAt, Instant publishedUntil) {
        store.retire(kid, retiredAt, publishedUntil);
      }

      @Override
      public void delete(String kid) {
        store.delete(kid);
      }
    };

    KeyRotation.Result result = rotation(contended).rotate();

    assertEquals(List.of(), result.created(), "the keys the other node created are seen under the lock");
    for (JWSAlgorithm alg : KeyRotationPolicy.ALGORITHMS) {
      assertEquals(1, ofAlgorithm(alg).size(), alg + ": exactly one key");
    }
    assertTrue(store.locks >= 2, "both nodes took the lock before writing");
  }
}
