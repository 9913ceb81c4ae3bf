package dev.gatehouse.protocol.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** The outbox of back-channel logout notifications. */
public interface LogoutDeliveryStore {

  /** One notification owed to one client: its registered URI at the time of the logout. */
  record LogoutDelivery(String id, String clientId, String uri, String sid, String subject, int attempts) {
    public LogoutDelivery {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(clientId, "clientId");
      Objects.requireNonNull(uri, "uri");
      Objects.requireNonNull(sid, "sid");
      Objects.requireNonNull(subject, "subject");
    }
  }

  void enqueue(LogoutDelivery delivery, Instant now);

  /**
   * Unfinished notifications whose next attempt is due at {@code now}, oldest first, leaving out those to the clients
   * in {@code skippedClients} (the ones that have every sending slot of theirs in use: their rows must not hide the
   * others' behind them).
   */
  List<LogoutDelivery> due(Instant now, int limit, Set<String> skippedClients);

  /**
   * Takes a due notification for this node by moving its next attempt to {@code leaseUntil}, if it is still due: of
   * two nodes (or two threads) only one gets true, so each attempt is made once.
   */
  boolean claim(String id, Instant now, Instant leaseUntil);

  void delivered(String id, int attempts, Instant now);

  /** A failed attempt: try again at {@code nextAttempt}, or give up when empty. */
  void failed(String id, int attempts, Optional<Instant> nextAttempt, String error, Instant now);
}
