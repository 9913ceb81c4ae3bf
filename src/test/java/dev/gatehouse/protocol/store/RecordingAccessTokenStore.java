package dev.gatehouse.protocol.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Delegates to another {@link AccessTokenStore} and appends {@code "access.<method>"} to a shared call log. */
public final class RecordingAccessTokenStore implements AccessTokenStore {
  private final AccessTokenStore delegate;
  private final List<String> calls;

  public RecordingAccessTokenStore(AccessTokenStore delegate, List<String> calls) {
    this.delegate = delegate;
    this.calls = calls;
  }

  @Override
  public void save(AccessToken token) {
    calls.add("access.save");
    delegate.save(token);
  }

  @Override
  public Optional<AccessToken> findActive(String hash, Instant now) {
    calls.add("access.findActive");
    return delegate.findActive(hash, now);
  }

  @Override
  public boolean revoke(String hash, Instant now) {
    calls.add("access.revoke");
    return delegate.revoke(hash, now);
  }
}
