package dev.gatehouse.protocol.logout;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How many back-channel notifications one node has on the wire: at most {@code perClient} for one client and {@code
 * overall} in all. A client whose URI is a black hole (accepts and never answers) holds at most its own {@code
 * perClient} senders until their deadline, and the others keep theirs: one relying party cannot delay another's
 * notifications, and a few cannot take every sender. Thread-safe.
 */
public final class DeliverySlots {
  private final int overall;
  private final int perClient;
  private final Map<String, Integer> taken = new HashMap<>();
  private int total;

  public DeliverySlots(int overall, int perClient) {
    if (perClient < 1 || overall < perClient) {
      throw new IllegalArgumentException("need 1 <= perClient <= overall");
    }
    this.overall = overall;
    this.perClient = perClient;
  }

  /** Takes a slot for a notification to {@code clientId}; false when the client or the node has none left. */
  public synchronized boolean take(String clientId) {
    int mine = taken.getOrDefault(clientId, 0);
    if (total >= overall || mine >= perClient) {
      return false;
    }
    taken.put(clientId, mine + 1);
    total++;
    return true;
  }

  /** Gives back a slot {@link #take taken} for {@code clientId}. */
  public synchronized void give(String clientId) {
    Integer mine = taken.get(clientId);
    if (mine == null) {
      throw new IllegalStateException("no slot taken for this client");
    }
    if (mine == 1) {
      taken.remove(clientId);
    } else {
      taken.put(clientId, mine - 1);
    }
    total--;
  }

  /** How many more notifications may start now. */
  public synchronized int free() {
    return overall - total;
  }

  /** The clients that have every slot of theirs on the wire: their notifications wait, the others' need not. */
  public synchronized Set<String> fullClients() {
    return taken.entrySet().stream().filter(e -> e.getValue() >= perClient).map(Map.Entry::getKey)
        .collect(Collectors.toUnmodifiableSet());
  }
}
