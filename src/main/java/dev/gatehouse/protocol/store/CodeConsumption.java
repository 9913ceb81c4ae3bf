package dev.gatehouse.protocol.store;

import java.util.Objects;

/**
 * The outcome of an atomic attempt to consume an authorization code.
 *
 * @see AuthorizationCodeStore#consume(String, java.time.Instant)
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2">RFC 6749 §4.1.2</a>
 */
public sealed interface CodeConsumption
    permits CodeConsumption.Consumed, CodeConsumption.Replayed, CodeConsumption.Unknown {

  /** This call consumed the code: it was issued, not yet consumed, and is now marked consumed. */
  record Consumed(AuthorizationCode code) implements CodeConsumption {
    public Consumed {
      Objects.requireNonNull(code, "code");
    }
  }

  /** The code exists but had already been consumed: a replay. */
  record Replayed(AuthorizationCode code) implements CodeConsumption {
    public Replayed {
      Objects.requireNonNull(code, "code");
    }
  }

  /** No code with this hash exists (never issued, or already purged). */
  record Unknown() implements CodeConsumption {}
}
