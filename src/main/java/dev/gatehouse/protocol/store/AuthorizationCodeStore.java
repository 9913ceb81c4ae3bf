package dev.gatehouse.protocol.store;

import java.time.Instant;

/**
 * Stores authorization codes and consumes each at most once.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2">RFC 6749 §4.1.2</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-10.5">RFC 6749 §10.5</a>
 */
public interface AuthorizationCodeStore {
  /** Stores a newly issued code. */
  void save(AuthorizationCode code);

  /**
   * Marks the code with this hash consumed at {@code now}, and says whether this call did it.
   *
   * <p>MUST be atomic: a conditional {@code UPDATE … SET consumed_at = :now WHERE hash = :hash AND consumed_at IS NULL};
   * exactly one affected row means the code is ours ({@link CodeConsumption.Consumed}); zero rows and an existing row
   * mean {@link CodeConsumption.Replayed}; no row means {@link CodeConsumption.Unknown}. Never read, check, then write:
   * two concurrent redemptions would both succeed. Expired codes are still reported (as Consumed or Replayed); the
   * caller checks expiry.
   */
  CodeConsumption consume(String hash, Instant now);
}
