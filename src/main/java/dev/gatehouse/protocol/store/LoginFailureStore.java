package dev.gatehouse.protocol.store;

import dev.gatehouse.protocol.login.FailureCounter;
import dev.gatehouse.protocol.login.ThrottleKey;
import java.time.Instant;
import java.util.Optional;

/** The failed sign-in counters, shared by every node, by {@link ThrottleKey#id()}. */
public interface LoginFailureStore {
  /** The counter of {@code key}, read without a lock. */
  Optional<FailureCounter> find(ThrottleKey key);

  /** The counter of {@code key}, locked until the transaction ends (so that concurrent failures all count). */
  Optional<FailureCounter> findForUpdate(ThrottleKey key);

  /** Writes the counter of {@code key} (insert or update); {@code staleAt} is when the purge may delete it. */
  void save(ThrottleKey key, FailureCounter counter, Instant staleAt);

  /** Forgets the counter of {@code key}. */
  void delete(ThrottleKey key);
}
