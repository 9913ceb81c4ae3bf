package dev.gatehouse.protocol.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Delegates to another {@link GrantStore} and appends {@code "grants.<method>"} to a shared call log. */
public final class RecordingGrantStore implements GrantStore {
  private final GrantStore delegate;
  private final List<String> calls;

  public RecordingGrantStore(GrantStore delegate, List<String> calls) {
    this.delegate = delegate;
    this.calls = calls;
  }

  @Override
  public void open(
      String grantId, String clientId, String subject, Set<String> scopes, Instant now, Instant expiresAt,
      String sessionId) {
    calls.add("grants.open");
    delegate.open(grantId, clientId, subject, scopes, now, expiresAt, sessionId);
  }

  @Override
  public boolean holdActive(String grantId, Instant expiresAt) {
    calls.add("grants.holdActive");
    return delegate.holdActive(grantId, expiresAt);
  }

  @Override
  public Optional<String> sessionOf(String grantId) {
    calls.add("grants.sessionOf");
    return delegate.sessionOf(grantId);
  }
}
