package dev.gatehouse.infrastructure.http;

import dev.gatehouse.protocol.logout.OutboundGuard;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.DefaultSchemePortResolver;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.routing.DefaultRoutePlanner;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * Posts one back-channel logout notification and returns the HTTP status: no redirects followed, no retries (the
 * outbox retries, with its back-off), no proxy, no cookies, a fresh connection each time, and every wait bounded.
 *
 * <p>A guarded call (a self-registered client's URI, {@link OutboundGuard}) resolves the host once, through {@link
 * OutboundGuard#checkedAddresses}, and connects to those addresses only: the HTTP client's {@link DnsResolver} is the
 * guard, so no second DNS answer can slip in between the check and the connection (DNS rebinding), and an IP literal
 * goes through the same check. TLS still runs on the host name: SNI and the certificate's host name verification use
 * the name of the URI, not the address.
 *
 * <p>Timeouts: {@link #CONNECT} 2 s, because a reachable host answers a TCP handshake in well under a second even
 * across the world, and a black hole that drops the SYN must not hold a sender for the operating system's minute or
 * two; a response timeout ({@code GATEHOUSE_LOGOUT_TIMEOUT}, 5 s by default) of silence, since the
 * relying party ends its own session before it answers (a database write), and Back-Channel Logout 1.0 names no
 * bound; and a deadline of twice that for the whole attempt, because a response timeout counts silence between
 * packets only, and a host that drips a byte every few seconds would otherwise keep a sender for as long as it likes.
 */
public final class BackchannelSender implements AutoCloseable {
  static final Duration CONNECT = Duration.ofSeconds(2);

  private final CloseableHttpClient guardedClient;
  private final CloseableHttpClient trustedClient;
  private final ScheduledExecutorService deadlines;
  private final Duration deadline;

  /**
   * @param guard checks the hosts of guarded calls
   * @param maxConnections the most calls under way at once (each client has a pool of this size)
   * @param deadlines runs the cancellation of an attempt past its deadline
   * @param response the longest silence while waiting for the answer; the attempt's deadline is twice that
   */
  public BackchannelSender(OutboundGuard guard, int maxConnections, ScheduledExecutorService deadlines, Duration response) {
    this(guard::checkedAddresses, SystemDefaultDnsResolver.INSTANCE::resolve, maxConnections, deadlines, response,
        response.multipliedBy(2));
  }

  /** With the look-ups given: {@code checked} for guarded calls, {@code plain} for the operator's clients. */
  public BackchannelSender(OutboundGuard.Resolver checked, OutboundGuard.Resolver plain, int maxConnections,
      ScheduledExecutorService deadlines, Duration response, Duration deadline) {
    if (response.isNegative() || response.isZero() || deadline.isNegative() || deadline.isZero()) {
      throw new IllegalArgumentException("the response timeout and the deadline must be positive");
    }
    this.guardedClient = client(checked, maxConnections, response);
    this.trustedClient = client(plain, maxConnections, response);
    this.deadlines = deadlines;
    this.deadline = deadline;
  }

  /** How long one attempt may take in all. */
  public Duration deadline() {
    return deadline;
  }

  /**
   * POSTs {@code form} ({@code application/x-www-form-urlencoded}) to {@code uri} and returns the status; the answer's
   * body is not read.
   *
   * @param guarded whether the host must pass {@link OutboundGuard} (then it resolves through it, once)
   * @throws OutboundGuard.RefusedHostException when the guard refused the host
   * @throws IOException when the call failed or took longer than the deadline
   */
  public int post(URI uri, String form, boolean guarded) throws IOException {
    HttpPost request = new HttpPost(uri);
    request.setEntity(new StringEntity(form, ContentType.APPLICATION_FORM_URLENCODED.withCharset(
        StandardCharsets.UTF_8)));
    ScheduledFuture<?> cancel = deadlines.schedule(request::cancel, deadline.toMillis(), TimeUnit.MILLISECONDS);
    try (ClassicHttpResponse response = (guarded ? guardedClient : trustedClient).executeOpen(null, request, null)) {
      return response.getCode();
    } catch (IOException | RuntimeException e) {
      if (request.isCancelled()) {
        // The deadline cut the attempt short; the client may then fail in any way (even "endpoint released").
        throw new InterruptedIOException("no answer within " + deadline);
      }
      if (e instanceof IOException io) {
        throw refusal(io);
      }
      throw e;
    } finally {
      cancel.cancel(false);
    }
  }

  /** The guard's refusal when it is the cause of {@code e}, else {@code e}. */
  private static IOException refusal(IOException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof OutboundGuard.RefusedHostException refused) {
        return refused;
      }
    }
    return e;
  }

  private static CloseableHttpClient client(OutboundGuard.Resolver resolver, int maxConnections, Duration response) {
    DnsResolver dns = new DnsResolver() {
      @Override
      public InetAddress[] resolve(String host) throws UnknownHostException {
        return resolver.resolve(host);
      }

      @Override
      public String resolveCanonicalHostname(String host) {
        return host; // never asked of DNS: the name in the URI is the one TLS verifies
      }
    };
    ConnectionConfig connection = ConnectionConfig.custom()
        .setConnectTimeout(Timeout.of(CONNECT))
        .setSocketTimeout(Timeout.of(response))
        .build();
    return HttpClients.custom()
        .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
            .setDnsResolver(dns)
            .setDefaultConnectionConfig(connection)
            .setDefaultSocketConfig(SocketConfig.custom().setSoTimeout(Timeout.of(response)).build())
            .setMaxConnTotal(maxConnections)
            .setMaxConnPerRoute(maxConnections)
            .build())
        .setRoutePlanner(new DefaultRoutePlanner(DefaultSchemePortResolver.INSTANCE)) // never a proxy
        .setConnectionReuseStrategy((request, answer, context) -> false)
        .setDefaultRequestConfig(RequestConfig.custom()
            .setConnectionRequestTimeout(Timeout.of(CONNECT))
            .setResponseTimeout(Timeout.of(response))
            .setRedirectsEnabled(false)
            .build())
        .disableRedirectHandling()
        .disableAutomaticRetries()
        .disableCookieManagement()
        .disableAuthCaching()
        .disableContentCompression()
        .setUserAgent("Gatehouse")
        .build();
  }

  @Override
  public void close() throws IOException {
    try {
      guardedClient.close();
    } finally {
      trustedClient.close();
    }
  }
}
