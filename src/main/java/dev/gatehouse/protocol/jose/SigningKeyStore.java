package dev.gatehouse.protocol.jose;

import java.time.Instant;
import java.util.List;

/**
 * The storage port of the signing keys. Implementations hold no rules (those are {@link KeyRotationPolicy}'s) and run
 * inside the caller's transaction.
 */
public interface SigningKeyStore {

  /** Every stored key, ordered by activation time, then kid. */
  List<SigningKey> all();

  /**
   * Blocks until this transaction holds the one rotation lock of the cluster, and keeps it until the transaction
   * ends: whoever holds it reads the keys again before it creates, retires or deletes one, so two nodes never both
   * create a successor for the same key.
   */
  void lockForRotation();

  void insert(SigningKey key);

  /** Records the retirement of a key that has none recorded yet; a recorded retirement is never moved. */
  void retire(String kid, Instant retiredAt, Instant publishedUntil);

  void delete(String kid);
}
