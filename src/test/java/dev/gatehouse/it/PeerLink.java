package dev.gatehouse.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The network between two nodes, as a test controls it: a loopback listener that a node's {@code
 * GATEHOUSE_CLUSTER_PEERS} names, which forwards every call to the real peer and records it, or, while {@link #cut}
 * , answers 503 without forwarding (the peer is unreachable, as far as the sender can tell). The recorded calls are the
 * messages on the wire, for the tests to look at and replay.
 */
final class PeerLink implements AutoCloseable {

  /** One call as it crossed the link. */
  record Call(String method, String path, Map<String, List<String>> headers, String body, boolean forwarded,
      int status) {}

  /** Headers the JDK client sets itself and refuses to be given. */
  private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final String target;
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private volatile boolean cut;

  /** Listens on loopback {@code port} (0: any free one) and forwards to {@code target}, a base URL. */
  PeerLink(int port, String target) throws IOException {
    this.target = target;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    server.createContext("/", this::handle);
    server.setExecutor(threads);
    server.start();
  }

  /** The base URL to give a node as its peer. */
  String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Cuts the link ({@code true}) or restores it. */
  void cut(boolean cut) {
    this.cut = cut;
  }

  /** Every call so far, oldest first. */
  List<Call> calls() {
    return List.copyOf(calls);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body;
    try (InputStream in = exchange.getRequestBody()) {
      body = new String(in.readNBytes(64 * 1024), StandardCharsets.ISO_8859_1);
    }
    Map<String, List<String>> headers = Map.copyOf(exchange.getRequestHeaders());
    int status = 503;
    boolean forward = !cut;
    if (forward) {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + exchange.getRequestURI()))
          .timeout(Duration.ofSeconds(10))
          .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofString(body, StandardCharsets.ISO_8859_1));
      headers.forEach((name, values) -> {
        if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
          values.forEach(value -> request.header(name, value));
        }
      });
      try {
        status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
      } catch (IOException unreachable) {
        status = 502;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        status = 502;
      }
    }
    calls.add(new Call(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), headers, body, forward,
        status));
    exchange.sendResponseHeaders(status, -1);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
