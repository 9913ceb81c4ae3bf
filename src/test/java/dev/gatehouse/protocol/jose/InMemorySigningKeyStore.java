package dev.gatehouse.protocol.jose;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The signing-key port in memory, counting how often the rotation lock was taken. */
final class InMemorySigningKeyStore implements SigningKeyStore {
  private final List<SigningKey> keys = new ArrayList<>();
  int locks;

  @Override
  public synchronized List<SigningKey> all() {
    return keys.stream()
        .sorted(Comparator.comparing(SigningKey::activatesAt).thenComparing(SigningKey::kid))
        .toList();
  }

  @Override
  public synchronized void lockForRotation() {
    locks++;
  }

  @Override
  public synchronized void insert(SigningKey key) {
    if (keys.stream().anyMatch(k -> k.kid().equals(key.kid()))) {
      throw new IllegalStateException("duplicate kid " + key.kid());
    }
    keys.add(key);
  }

  @Override
  public synchronized void retire(String kid, Instant retiredAt, Instant publishedUntil) {
    keys.replaceAll(k -> k.kid().equals(kid) && k.publishedUntil() == null
        ? new SigningKey(k.kid(), k.algorithm(), k.publicJwk(), k.encryptedPrivateJwk(), k.createdAt(),
            k.activatesAt(), retiredAt, publishedUntil)
        : k);
  }

  @Override
  public synchronized void delete(String kid) {
    keys.removeIf(k -> k.kid().equals(kid));
  }

  /** Replaces a stored key as is (for tests that tamper with a row). */
  synchronized void replace(SigningKey key) {
    keys.replaceAll(k -> k.kid().equals(key.kid()) ? key : k);
  }
}
