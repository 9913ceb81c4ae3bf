package dev.gatehouse.application.audit;

import java.util.Optional;

/**
 * Where the current request comes from, for the audit trail. The web layer implements it with the same address the
 * sign-in throttle counts against (the TCP peer, never a header a client can set).
 */
public interface RequestOrigin {
  /** The client address of the request being served on this thread; empty outside a request (timers, start-up). */
  Optional<String> clientAddress();
}
