package dev.gatehouse.protocol.jose;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Brings the stored keys in line with {@link KeyRotationPolicy}: creates the keys that are due, records retirements,
 * deletes keys that are no longer published. Runs inside one transaction of the caller's.
 *
 * <p>Cluster safety: the common case (nothing to do) is a plain read. When something is to be done, the new key pairs
 * are generated first (RSA generation takes a while; no lock is held meanwhile), then the store's rotation lock is
 * taken and the keys are read and judged again: a node that waited for another's transaction now sees the key that
 * one created, and creates none for the same slot.
 */
public final class KeyRotation {

  /** What one rotation did: the kids it created, retired and deleted. */
  public record Result(List<String> created, List<String> retired, List<String> deleted) {
    public boolean changed() {
      return !created.isEmpty() || !retired.isEmpty() || !deleted.isEmpty();
    }
  }

  private final SigningKeyStore store;
  private final SigningKeyGenerator generator;
  private final PrivateKeyCipher cipher;
  private final KeyRotationPolicy policy;
  private final Clock clock;

  public KeyRotation(SigningKeyStore store, SigningKeyGenerator generator, PrivateKeyCipher cipher,
      KeyRotationPolicy policy, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.generator = Objects.requireNonNull(generator, "generator");
    this.cipher = Objects.requireNonNull(cipher, "cipher");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public Result rotate() {
    Instant now = clock.instant();
    List<SigningKey> keys = store.all();
    if (nothingToDo(keys, now)) {
      return new Result(List.of(), List.of(), List.of());
    }
    Map<JWSAlgorithm, JWK> generated = new HashMap<>();
    policy.due(keys, now).forEach(due -> generated.put(due.algorithm(), generator.generate(due.algorithm())));

    store.lockForRotation();
    now = clock.instant();
    List<SigningKey> locked = new ArrayList<>(store.all());
    List<String> created = new ArrayList<>();
    for (KeyRotationPolicy.Due due : policy.due(locked, now)) {
      JWK jwk = generated.computeIfAbsent(due.algorithm(), generator::generate);
      SigningKey key = SigningKey.created(jwk.getKeyID(), due.algorithm(), jwk.toPublicJWK().toJSONString(),
          cipher.encrypt(jwk), now, due.activatesAt());
      store.insert(key);
      locked.add(key);
      created.add(key.kid());
    }
    List<String> retired = new ArrayList<>();
    for (SigningKey key : policy.retirements(locked)) {
      store.retire(key.kid(), key.retiredAt(), key.publishedUntil());
      locked.replaceAll(k -> k.kid().equals(key.kid()) ? key : k);
      retired.add(key.kid());
    }
    List<String> deleted = policy.deletable(locked, now);
    deleted.forEach(store::delete);
    return new Result(created, retired, deleted);
  }

  private boolean nothingToDo(List<SigningKey> keys, Instant now) {
    return policy.due(keys, now).isEmpty() && policy.retirements(keys).isEmpty()
        && policy.deletable(keys, now).isEmpty();
  }
}
