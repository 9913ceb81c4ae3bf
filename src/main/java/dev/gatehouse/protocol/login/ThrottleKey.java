package dev.gatehouse.protocol.login;

import dev.gatehouse.protocol.support.Sha256;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

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
  private static final Pattern IPV6_LITERAL = Pattern.compile("[0-9a-f:.]{2,45}");

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

  /**
   * The address key of a client address as the server saw it (the TCP peer). An IPv6 address counts by its /64
   * network: one customer, one host or one cloud instance usually holds a whole /64 and can send from any of its
   * 2^64 addresses, so counting single addresses would give such a caller an unbounded number of fresh counters.
   * IPv4 addresses, and IPv6 addresses that carry one ({@code ::ffff:192.0.2.1}), count one by one.
   */
  public static ThrottleKey address(String clientAddress) {
    return new ThrottleKey(Kind.ADDRESS, Sha256.hex("address:" + network(clientAddress)));
  }

  /** What an address is counted as: the IPv4 address, or the /64 of an IPv6 one ({@code 2001:db8:0:1::/64}). */
  static String network(String clientAddress) {
    String a = clientAddress.strip().toLowerCase(Locale.ROOT);
    if (a.startsWith("[") && a.endsWith("]")) {
      a = a.substring(1, a.length() - 1);
    }
    int zone = a.indexOf('%');
    if (zone >= 0) {
      a = a.substring(0, zone);
    }
    if (a.indexOf(':') < 0 || !IPV6_LITERAL.matcher(a).matches()) {
      return a;
    }
    try {
      // A literal (checked above), so no name is looked up.
      InetAddress parsed = InetAddress.getByName(a);
      if (parsed instanceof Inet4Address) {
        return parsed.getHostAddress();
      }
      byte[] b = parsed.getAddress();
      return String.format("%x:%x:%x:%x::/64", ((b[0] & 0xff) << 8) | (b[1] & 0xff), ((b[2] & 0xff) << 8)
          | (b[3] & 0xff), ((b[4] & 0xff) << 8) | (b[5] & 0xff), ((b[6] & 0xff) << 8) | (b[7] & 0xff));
    } catch (UnknownHostException notAnAddress) {
      return a;
    }
  }

  /** The first 8 hex digits of the key: enough to follow one counter through a log, never the value itself. */
  public String logId() {
    return id.substring(0, 8);
  }
}
