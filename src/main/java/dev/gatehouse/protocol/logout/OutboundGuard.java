package dev.gatehouse.protocol.logout;

import dev.gatehouse.protocol.client.Client;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Keeps Gatehouse's own outbound calls (back-channel logout notifications) away from internal addresses when the URI
 * came from someone the operator does not vouch for: a client that registered itself (RFC 7591). Otherwise such a
 * client could make Gatehouse POST to a database admin page on loopback or to the cloud metadata service (server-side
 * request forgery). The operator's own registrations (the bootstrap file, the administration) are trusted, since
 * legacy applications live on intranet hosts; the operator may also trust dynamic ones with {@code
 * GATEHOUSE_DYNAMIC_CLIENTS_MAY_CALL_INTERNAL=true}.
 *
 * <p>Internal means loopback, unspecified ({@code 0.0.0.0}, {@code ::}), link-local (including 169.254.169.254, the
 * metadata service), site-local (10/8, 172.16/12, 192.168/16), IPv6 unique-local (fc00::/7), carrier-grade NAT
 * (100.64/10) and multicast. Every address the host resolves to is checked. The check resolves the name before the
 * call, and the HTTP client resolves it again: a name that changes its answer in between (DNS rebinding) is outside
 * what this guard can see, which is why it complements, not replaces, a network egress policy.
 */
public final class OutboundGuard {

  /** Resolves a host name to its addresses (a seam for tests). */
  @FunctionalInterface
  public interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  private final Resolver resolver;

  public OutboundGuard(Resolver resolver) {
    this.resolver = resolver;
  }

  public static OutboundGuard usingDns() {
    return new OutboundGuard(InetAddress::getAllByName);
  }

  /**
   * Why a call to {@code uri}, registered by {@code client}, is refused, or empty when it may be made: only a
   * dynamically registered client's URI is checked, and not even that when the operator trusts them.
   */
  public Optional<String> refusal(Client client, URI uri, boolean dynamicClientsMayCallInternal) {
    return client.dynamicallyRegistered() && !dynamicClientsMayCallInternal ? refusal(uri) : Optional.empty();
  }

  /** Why a call to {@code uri} is refused, or empty when it may be made. */
  public Optional<String> refusal(URI uri) {
    String host = uri.getHost();
    if (host == null) {
      return Optional.of("no host");
    }
    try {
      for (InetAddress address : resolver.resolve(host.startsWith("[") ? host.substring(1, host.length() - 1) : host)) {
        if (isInternal(address)) {
          return Optional.of(host + " resolves to the internal address " + address.getHostAddress());
        }
      }
      return Optional.empty();
    } catch (UnknownHostException e) {
      return Optional.of("unknown host " + host);
    }
  }

  static boolean isInternal(InetAddress a) {
    if (a.isLoopbackAddress() || a.isAnyLocalAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
        || a.isMulticastAddress()) {
      return true;
    }
    byte[] b = a.getAddress();
    if (b.length == 16) {
      return (b[0] & 0xfe) == 0xfc; // fc00::/7, unique local
    }
    return (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64; // 100.64.0.0/10, carrier-grade NAT
  }
}
