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
 * <p>What counts as internal is {@link InternalAddresses}. Every address the host resolves to is checked, and one
 * internal address refuses the host. The check is made by {@link #checkedAddresses}, which the HTTP client uses as
 * its resolver: the connection goes to exactly the addresses that were checked, from the one look-up, so a name that
 * changes its answer between the check and the connection (DNS rebinding) gains nothing. It complements, not
 * replaces, a network egress policy: a proxy in the path, or a host that forwards, is outside what it can see.
 */
public final class OutboundGuard {

  /** Resolves a host name to its addresses (a seam for tests). */
  @FunctionalInterface
  public interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  /**
   * A host refused because it is, or resolves to, an internal address: an {@link UnknownHostException}, so that an
   * HTTP client asking its resolver gets no address to connect to; the message says which address it was.
   */
  public static final class RefusedHostException extends UnknownHostException {
    private static final long serialVersionUID = 1L;

    RefusedHostException(String reason) {
      super(reason);
    }
  }

  private final Resolver resolver;

  public OutboundGuard(Resolver resolver) {
    this.resolver = resolver;
  }

  public static OutboundGuard usingDns() {
    return new OutboundGuard(InetAddress::getAllByName);
  }

  /** Whether a call to a URI registered by {@code client} must go through the check. */
  public static boolean mustCheck(Client client, boolean dynamicClientsMayCallInternal) {
    return client.dynamicallyRegistered() && !dynamicClientsMayCallInternal;
  }

  /**
   * Why a call to {@code uri}, registered by {@code client}, is refused, or empty when it may be made: only a
   * dynamically registered client's URI is checked, and not even that when the operator trusts them.
   */
  public Optional<String> refusal(Client client, URI uri, boolean dynamicClientsMayCallInternal) {
    return mustCheck(client, dynamicClientsMayCallInternal) ? refusal(uri) : Optional.empty();
  }

  /**
   * Why a call to {@code uri} is refused, or empty when it may be made: when one of the addresses the resolver gives
   * is internal, or the host is unknown. A resolver that knows no address of a name (the registration's, which
   * resolves IP literals only) refuses nothing.
   */
  public Optional<String> refusal(URI uri) {
    String host = uri.getHost();
    if (host == null) {
      return Optional.of("no host");
    }
    try {
      return internal(host, resolver.resolve(bare(host)));
    } catch (UnknownHostException e) {
      return Optional.of("unknown host " + host);
    }
  }

  /**
   * The addresses of {@code host} (a name, or an IP literal with or without brackets), resolved once, every one of
   * them checked: the only addresses a guarded connection may go to.
   *
   * @throws RefusedHostException when one of them is internal
   * @throws UnknownHostException when the host has no address
   */
  public InetAddress[] checkedAddresses(String host) throws UnknownHostException {
    InetAddress[] addresses = resolver.resolve(bare(host));
    if (addresses == null || addresses.length == 0) {
      throw new UnknownHostException(host);
    }
    Optional<String> refusal = internal(host, addresses);
    if (refusal.isPresent()) {
      throw new RefusedHostException(refusal.get());
    }
    return addresses.clone();
  }

  private static Optional<String> internal(String host, InetAddress[] addresses) {
    for (InetAddress address : addresses == null ? new InetAddress[0] : addresses) {
      if (InternalAddresses.isInternal(address)) {
        return Optional.of(host + " resolves to the internal address " + address.getHostAddress());
      }
    }
    return Optional.empty();
  }

  private static String bare(String host) {
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }
}
