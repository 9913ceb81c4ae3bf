package dev.gatehouse.protocol.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Delegates to another {@link RefreshTokenStore} and appends {@code "refresh.<method>"} to a shared call log. */
public final class RecordingRefreshTokenStore implements RefreshTokenStore {
  private final RefreshTokenStore delegate;
  private final List<String> calls;

  public RecordingRefreshTokenStore(RefreshTokenStore delegate, List<String> calls) {
    this.delegate = delegate;
    this.calls = calls;
  }

  @Override
  public void save(RefreshToken token) {
    calls.add("refresh.save");
    delegate.save(token);
  }

  @Override
  public Optional<RefreshToken> find(String hash) {
    calls.add("refresh.find");
    return delegate.find(hash);
  }

  @Override
  public boolean markRotated(String hash, Instant now) {
    calls.add("refresh.markRotated");
    return delegate.markRotated(hash, now);
  }
}
