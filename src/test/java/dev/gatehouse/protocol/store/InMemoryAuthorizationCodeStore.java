package dev.gatehouse.protocol.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** In-memory {@link AuthorizationCodeStore}; {@link #consume} is atomic (synchronized), like the conditional UPDATE. */
public final class InMemoryAuthorizationCodeStore implements AuthorizationCodeStore {
  private final Map<String, AuthorizationCode> codes = new HashMap<>();
  private final Set<String> consumed = new HashSet<>();

  @Override
  public synchronized void save(AuthorizationCode code) {
    codes.put(code.hash(), code);
  }

  @Override
  public synchronized CodeConsumption consume(String hash, Instant now) {
    AuthorizationCode code = codes.get(hash);
    if (code == null) {
      return new CodeConsumption.Unknown();
    }
    if (!consumed.add(hash)) {
      return new CodeConsumption.Replayed(code);
    }
    return new CodeConsumption.Consumed(code);
  }

  /** Every stored code, for assertions. */
  public synchronized List<AuthorizationCode> all() {
    return new ArrayList<>(codes.values());
  }
}
