package dev.gatehouse.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A relying party for the tests, on loopback at the port it-bootstrap.json registers for it-bcl ({@code
 * gatehouse.it.receiverPort}), or on a free port of its own ({@link #answeringAfter}): its back-channel logout
 * endpoint records every POST and answers with the statuses it is told to (200 once those run out), after a delay
 * when it is made slow; its redirect URI ({@link #callbackUri()}, {@code /bcl-callback}) and its post-logout page
 * ({@code /signed-out}, which notes when the browser arrived) show a page, so that a real browser lands somewhere.
 * Times are {@link System#nanoTime()} of the test JVM, to order events, never to assert durations.
 */
public final class BackchannelReceiver implements AutoCloseable {

  /**
   * One notification as it arrived; {@code answeredAt} is taken just before the answer is written, after the delay,
   * so the server can have read the answer only after it.
   */
  public record Received(String method, String query, String contentType, String logoutToken, String rawBody,
      long answeredAt) {}

  private final HttpServer server;
  private final Duration answerAfter;
  private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
  private final BlockingQueue<Long> landings = new LinkedBlockingQueue<>();
  private final Deque<Integer> statuses = new ArrayDeque<>();
  private final ExecutorService handlers = Executors.newCachedThreadPool();

  public BackchannelReceiver(int... statuses) throws IOException {
    this(port(), Duration.ZERO, statuses);
  }

  /** A relying party on a free port that answers each notification {@code answerAfter} after it arrived. */
  public static BackchannelReceiver answeringAfter(Duration answerAfter) throws IOException {
    return new BackchannelReceiver(0, answerAfter);
  }

  private BackchannelReceiver(int port, Duration answerAfter, int... statuses) throws IOException {
    this.answerAfter = answerAfter;
    for (int status : statuses) {
      this.statuses.add(status);
    }
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    server.setExecutor(handlers); // a slow answer holds one thread, not the browser's pages
    server.createContext("/signed-out", exchange -> {
      landings.add(System.nanoTime());
      page(exchange, "<!DOCTYPE html><title>signed out</title><p id=\"rp-signed-out\">signed out</p>");
    });
    server.createContext("/bcl-callback", exchange ->
        page(exchange, "<!DOCTYPE html><title>it-bcl</title><p id=\"rp-callback\">it-bcl callback</p>"));
    server.createContext("/backchannel", exchange -> {
      String body;
      try (InputStream in = exchange.getRequestBody()) {
        body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      String token = null;
      for (String pair : body.split("&")) {
        if (pair.startsWith("logout_token=")) {
          token = URLDecoder.decode(pair.substring("logout_token=".length()), StandardCharsets.UTF_8);
        }
      }
      try {
        Thread.sleep(answerAfter.toMillis()); // a relying party that ends its own session first
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getRawQuery(),
          exchange.getRequestHeaders().getFirst("Content-Type"), token, body, System.nanoTime()));
      int status;
      synchronized (this.statuses) {
        status = this.statuses.isEmpty() ? 200 : this.statuses.poll();
      }
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
    });
    server.start();
  }

  private static void page(HttpExchange exchange, String html) throws IOException {
    byte[] page = html.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
    exchange.sendResponseHeaders(200, page.length);
    exchange.getResponseBody().write(page);
    exchange.close();
  }

  /** it-bcl's registered redirect URI, served by this receiver. */
  public static String callbackUri() {
    return "http://127.0.0.1:" + port() + "/bcl-callback";
  }

  /** The URI of {@code path} on this receiver ({@code /backchannel}, {@code /bcl-callback}, {@code /signed-out}). */
  public String uri(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  /** When the browser arrived at {@code /signed-out} (the first time), waiting up to {@code timeout}; null if not. */
  public Long landedAt(Duration timeout) throws InterruptedException {
    return landings.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  private static int port() {
    return Integer.parseInt(System.getProperty("gatehouse.it.receiverPort", "18082"));
  }

  /** The next notification, waiting up to {@code timeout}; null when none came. */
  public Received next(Duration timeout) throws InterruptedException {
    return received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    server.stop(0);
    handlers.shutdownNow();
  }
}
