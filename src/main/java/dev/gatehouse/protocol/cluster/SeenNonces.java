package dev.gatehouse.protocol.cluster;

import dev.gatehouse.protocol.cluster.InvalidationReceiver.Verdict;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The nonces of accepted messages, each until the time after which its message is too old to be accepted anyway, and
 * never more than a fixed number. Expired nonces are forgotten from the oldest on at every call (messages arrive in
 * roughly the order they were sent) and by a full sweep when the memory is full. Thread-safe.
 */
final class SeenNonces {
  private final int capacity;
  private final LinkedHashMap<String, Instant> keepUntil = new LinkedHashMap<>();

  SeenNonces(int capacity) {
    this.capacity = capacity;
  }

  /** {@link Verdict#ACCEPTED} and remembers {@code nonce} until {@code until} if it is new, else why not. */
  synchronized Verdict remember(String nonce, Instant until, Instant now) {
    forgetOldest(now);
    if (keepUntil.containsKey(nonce)) {
      return Verdict.REPLAYED;
    }
    if (keepUntil.size() >= capacity) {
      keepUntil.values().removeIf(time -> time.isBefore(now));
      if (keepUntil.size() >= capacity) {
        return Verdict.TOO_MANY;
      }
    }
    keepUntil.put(nonce, until);
    return Verdict.ACCEPTED;
  }

  synchronized int size() {
    return keepUntil.size();
  }

  private void forgetOldest(Instant now) {
    Iterator<Map.Entry<String, Instant>> oldest = keepUntil.entrySet().iterator();
    while (oldest.hasNext() && oldest.next().getValue().isBefore(now)) {
      oldest.remove();
    }
  }
}
