package dev.gatehouse.protocol.store;

import dev.gatehouse.protocol.client.Client;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** In-memory {@link ClientStore} for unit tests. */
public final class InMemoryClientStore implements ClientStore {
  private final Map<String, Client> clients = new ConcurrentHashMap<>();

  public InMemoryClientStore(Client... initial) {
    for (Client client : initial) {
      add(client);
    }
  }

  public void add(Client client) {
    clients.put(client.clientId(), client);
  }

  @Override
  public Optional<Client> find(String clientId) {
    return Optional.ofNullable(clients.get(clientId));
  }
}
