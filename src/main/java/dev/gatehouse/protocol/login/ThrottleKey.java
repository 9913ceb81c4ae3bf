package dev.gatehouse.protocol.login;

import dev.gatehouse.protocol.support.Sha256;
import java.text.Normalizer;
import java.util.Locale;

/**
 * What failures are counted against: an account (the username as typed, not only existing ones, so that a lockout
 * tells nothing about which usernames exist) or a client address. Only the SHA-256 of the kind and the normalized
 * value is kept, so the counters are not a list of what people typed as their username (some type their password
 * there).
 *
 * @param kind which limit applies
 * @param id lowercase hex SHA-256 of {@code kind:value}, the counter's key
 */
public record ThrottleKey(Kind kind, String id) {

  /** The two things counted, each with its own limit. */
  public enum Kind {
    ACCOUNT,
    ADDRESS
  }

  /**
   * The account key of a typed username: trimmed, Unicode NFKC, lower case, so that {@code Alice} and {@code alice }
   * share one counter (an attacker gains no extra attempts from spelling variants).
   */
  public static ThrottleKey account(String typedUsername) {
    String normalized = Normalizer.normalize(typedUsername.strip(), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    return new ThrottleKey(Kind.ACCOUNT, Sha256.hex("account:" + normalized));
  }

  /** The address key of a client address as the server saw it (the TCP peer). */
  public static ThrottleKey address(String clientAddress) {
    return new ThrottleKey(Kind.ADDRESS, Sha256.hex("address:" + clientAddress.strip().toLowerCase(Locale.ROOT)));
  }

  /** The first 8 hex digits of the key: enough to follow one counter through a log, never the value itself. */
  public String logId() {
    return id.substring(0, 8);
  }
}
