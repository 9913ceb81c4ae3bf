package dev.gatehouse.it;

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
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A relying party for the tests, on loopback at the port it-bootstrap.json registers for it-bcl ({@code
 * gatehouse.it.receiverPort}): its back-channel logout endpoint records every POST and answers with the statuses it
 * is told to (200 once those run out); its redirect URI ({@link #callbackUri()}) shows a page, so that a real browser
 * lands somewhere.
 */
public final class BackchannelReceiver implements AutoCloseable {

  /** One notification as it arrived. */
  public record Received(String method, String query, String contentType, String logoutToken, String rawBody) {}

  private final HttpServer server;
  private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
  private final Deque<Integer> statuses = new ArrayDeque<>();

  public BackchannelReceiver(int... statuses) throws IOException {
    for (int status : statuses) {
      this.statuses.add(status);
    }
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port()), 0);
    server.createContext("/bcl-callback", exchange -> {
      byte[] page = "<!DOCTYPE html><title>it-bcl</title><p id=\"rp-callback\">it-bcl callback</p>"
          .getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
      exchange.sendResponseHeaders(200, page.length);
      exchange.getResponseBody().write(page);
      exchange.close();
    });
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
      received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getRawQuery(),
          exchange.getRequestHeaders().getFirst("Content-Type"), token, body));
      int status;
      synchronized (this.statuses) {
        status = this.statuses.isEmpty() ? 200 : this.statuses.poll();
      }
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
    });
    server.start();
  }

  /** it-bcl's registered redirect URI, served by this receiver. */
  public static String callbackUri() {
    return "http://127.0.0.1:" + port() + "/bcl-callback";
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
  }
}
