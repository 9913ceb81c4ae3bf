package dev.gatehouse.protocol.logout;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;

/**
 * Which addresses {@link OutboundGuard} keeps a self-registered client's URI away from: every block of the IANA IPv4
 * and IPv6 Special-Purpose Address Registries (RFC 6890) that is not globally reachable, plus multicast and the
 * reserved blocks, and the IPv6 forms that carry an IPv4 address inside them, judged by that IPv4 address.
 *
 * <p>IPv4: 0.0.0.0/8 ("this network"), 10/8, 172.16/12, 192.168/16 (RFC 1918), 100.64/10 (carrier-grade NAT),
 * 127/8 (loopback), 169.254/16 (link-local, among them the cloud metadata service 169.254.169.254), 192.0.0.0/24
 * (IETF protocol assignments), 192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24 (documentation), 192.88.99.0/24 (the
 * former 6to4 relay anycast), 198.18.0.0/15 (benchmarking), 224/4 (multicast), 240/4 (reserved, with
 * 255.255.255.255).
 *
 * <p>IPv6: ::/128 and ::1/128 (inside IPv4-compatible, below), 100::/64 (discard-only), 2001::/23 (IETF protocol
 * assignments) but for Teredo, 2001:db8::/32 and 3fff::/20 (documentation), 5f00::/16 (SRv6), 64:ff9b:1::/48
 * (local-use NAT64, RFC 8215: its embedded address may sit at any prefix length, so the block is refused whole),
 * fc00::/7 (unique local), fe80::/10 (link-local), fec0::/10 (the former site-local), ff00::/8 (multicast).
 *
 * <p>Embedded IPv4, judged as that IPv4 address: IPv4-mapped ::ffff:a.b.c.d (the socket connects over IPv4 to
 * a.b.c.d), IPv4-compatible ::a.b.c.d (deprecated, RFC 4291 §2.5.5.1), NAT64 64:ff9b::a.b.c.d (RFC 6052: the
 * translator forwards to a.b.c.d), 6to4 2002:aabb:ccdd::/48 (RFC 3056) and Teredo 2001:0:S:S:f:p:C:C (RFC 4380 §4:
 * server S, and client C stored with every bit inverted; both are checked).
 *
 * @see <a href="https://www.iana.org/assignments/iana-ipv4-special-registry/">IANA IPv4 Special-Purpose Address
 *     Registry</a>
 * @see <a href="https://www.iana.org/assignments/iana-ipv6-special-registry/">IANA IPv6 Special-Purpose Address
 *     Registry</a>
 */
public final class InternalAddresses {

  /** An address block: the first {@code bits} bits of {@code prefix}. */
  private record Block(byte[] prefix, int bits) {
    static Block of(String address, int bits) {
      return new Block(bytes(address), bits);
    }

    boolean contains(byte[] address) {
      if (address.length != prefix.length) {
        return false;
      }
      int whole = bits / 8;
      if (!Arrays.equals(address, 0, whole, prefix, 0, whole)) {
        return false;
      }
      int rest = bits % 8;
      int mask = (0xff << (8 - rest)) & 0xff;
      return rest == 0 || (address[whole] & mask) == (prefix[whole] & mask);
    }
  }

  private static final List<Block> INTERNAL_V4 = List.of(
      Block.of("0.0.0.0", 8), Block.of("10.0.0.0", 8), Block.of("100.64.0.0", 10), Block.of("127.0.0.0", 8),
      Block.of("169.254.0.0", 16), Block.of("172.16.0.0", 12), Block.of("192.0.0.0", 24),
      Block.of("192.0.2.0", 24), Block.of("192.88.99.0", 24), Block.of("192.168.0.0", 16),
      Block.of("198.18.0.0", 15), Block.of("198.51.100.0", 24), Block.of("203.0.113.0", 24),
      Block.of("224.0.0.0", 4), Block.of("240.0.0.0", 4));

  private static final Block MAPPED = Block.of("::ffff:0:0", 96);
  private static final Block COMPATIBLE = Block.of("::", 96);
  private static final Block NAT64 = Block.of("64:ff9b::", 96);
  private static final Block SIX_TO_FOUR = Block.of("2002::", 16);
  private static final Block TEREDO = Block.of("2001::", 32);

  private static final List<Block> INTERNAL_V6 = List.of(
      Block.of("100::", 64), Block.of("2001::", 23),
      Block.of("2001:db8::", 32), Block.of("3fff::", 20), Block.of("5f00::", 16), Block.of("64:ff9b:1::", 48),
      Block.of("fc00::", 7), Block.of("fe80::", 10), Block.of("fec0::", 10), Block.of("ff00::", 8));

  private InternalAddresses() {}

  /** Whether {@code address} is one a self-registered client's URI may not reach. */
  public static boolean isInternal(InetAddress address) {
    byte[] b = address.getAddress();
    if (b.length == 4) {
      return internalV4(b);
    }
    if (MAPPED.contains(b) || COMPATIBLE.contains(b) || NAT64.contains(b)) {
      return internalV4(Arrays.copyOfRange(b, 12, 16)); // :: and ::1 too: 0.0.0.0/8
    }
    if (SIX_TO_FOUR.contains(b)) {
      return internalV4(Arrays.copyOfRange(b, 2, 6));
    }
    if (TEREDO.contains(b)) {
      byte[] client = Arrays.copyOfRange(b, 12, 16);
      for (int i = 0; i < client.length; i++) {
        client[i] = (byte) ~client[i];
      }
      return internalV4(Arrays.copyOfRange(b, 4, 8)) || internalV4(client);
    }
    return INTERNAL_V6.stream().anyMatch(block -> block.contains(b));
  }

  private static boolean internalV4(byte[] address) {
    return INTERNAL_V4.stream().anyMatch(block -> block.contains(address));
  }

  /**
   * The bytes of an IP literal, without a DNS look-up (a literal is never resolved); an IPv6 literal keeps its 16
   * bytes even where the JDK would turn it into IPv4 (::ffff:a.b.c.d).
   */
  private static byte[] bytes(String literal) {
    byte[] b;
    try {
      b = InetAddress.getByName(literal).getAddress();
    } catch (java.net.UnknownHostException e) {
      throw new IllegalArgumentException(literal, e);
    }
    if (b.length == 4 && literal.contains(":")) {
      byte[] mapped = new byte[16];
      mapped[10] = (byte) 0xff;
      mapped[11] = (byte) 0xff;
      System.arraycopy(b, 0, mapped, 12, 4);
      return mapped;
    }
    return b;
  }
}
