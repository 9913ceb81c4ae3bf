package dev.gatehouse.infrastructure.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.gatehouse.protocol.logout.OutboundGuard;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP side of back-channel logout against a relying party on loopback. */
class BackchannelSenderTest {
  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
  private static final Duration RESPONSE = Duration.ofSeconds(5);

  private final List<String> received = new CopyOnWriteArrayList<>();
  private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor();
  private HttpServer rp;

  @BeforeEach
  void start() throws IOException {
    rp = HttpServer.create(new InetSocketAddress(LOOPBACK, 0), 0);
    rp.createContext("/bcl", exchange -> {
      try (InputStream in = exchange.getRequestBody()) {
        received.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
            + exchange.getRequestHeaders().getFirst("Content-Type") + " "
            + new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    });
    rp.createContext("/moved", exchange -> {
      received.add("moved");
      exchange.getResponseHeaders().set("Location", "/bcl");
      exchange.sendResponseHeaders(302, -1);
      exchange.close();
    });
    rp.start();
  }

  @AfterEach
  void stop() {
    rp.stop(0);
    deadlines.shutdownNow();
  }

  private int port() {
    return rp.getAddress().getPort();
  }

  private static InetAddress[] address(String literal) throws UnknownHostException {
    return new InetAddress[] {InetAddress.getByName(literal)};
  }

  private BackchannelSender sender(OutboundGuard.Resolver checked, Duration deadline) {
    return new BackchannelSender(checked, host -> {
      throw new AssertionError("a guarded call never uses the plain look-up");
    }, 4, deadlines, RESPONSE, deadline);
  }

  @Test
  void ssrf_whenTheNameAnswersDifferentlyTheSecondTime_thenTheConnectionGoesToTheCheckedAnswer() throws Exception {
    AtomicInteger lookUps = new AtomicInteger();
    // What a rebinding name does: the check sees one address, a second look-up would see another (nothing there).
    OutboundGuard.Resolver rebinding = host -> address(lookUps.getAndIncrement() == 0 ? "127.0.0.1" : "127.0.0.2");
    try (BackchannelSender sender = sender(rebinding, Duration.ofSeconds(10))) {
      int status = sender.post(URI.create("http://rp.rebinding.test:" + port() + "/bcl?tenant=a"),
          "logout_token=abc", true);
      assertEquals(204, status);
    }
    assertEquals(1, lookUps.get(), "one look-up: the one that was checked");
    assertEquals(List.of("POST /bcl?tenant=a application/x-www-form-urlencoded; charset=UTF-8 logout_token=abc"),
        received);
  }

  @Test
  void ssrf_whenTheFirstAnswerIsPublicAndTheSecondInternal_thenTheInternalHostIsNeverCalled() throws Exception {
    AtomicInteger lookUps = new AtomicInteger();
    // A public address first (it passes the check; nothing answers there from this machine), then the loopback
    // where the relying party listens: the address a second look-up would connect to.
    OutboundGuard guard = new OutboundGuard(host -> address(lookUps.getAndIncrement() == 0 ? "93.184.216.34"
        : "127.0.0.1"));
    try (BackchannelSender sender = sender(guard::checkedAddresses, Duration.ofSeconds(3))) {
      assertThrows(IOException.class, () -> sender.post(URI.create("http://rp.rebinding.test:" + port() + "/bcl"),
          "logout_token=abc", true));
    }
    assertEquals(1, lookUps.get());
    assertEquals(List.of(), received, "the loopback relying party was never reached");
  }

  @Test
  void ssrf_whenGuardedUriIsAnInternalIpLiteral_thenRefusedWithoutAConnection() throws IOException {
    try (BackchannelSender sender = new BackchannelSender(OutboundGuard.usingDns(), 4, deadlines, RESPONSE)) {
      URI literal = URI.create("http://127.0.0.1:" + port() + "/bcl");
      assertThrows(OutboundGuard.RefusedHostException.class, () -> sender.post(literal, "logout_token=a", true));
      assertThrows(OutboundGuard.RefusedHostException.class, () -> sender.post(
          URI.create("http://[::ffff:127.0.0.1]:" + port() + "/bcl"), "logout_token=a", true));
      assertEquals(List.of(), received);
      assertEquals(204, sender.post(literal, "logout_token=a", false), "the operator's own client is not guarded");
      assertEquals(1, received.size());
    }
  }

  @Test
  void backchannel_2_5_whenTheAnswerIsARedirect_thenItIsNotFollowed() throws IOException {
    try (BackchannelSender sender = new BackchannelSender(OutboundGuard.usingDns(), 4, deadlines, RESPONSE)) {
      assertEquals(302, sender.post(URI.create("http://127.0.0.1:" + port() + "/moved"), "logout_token=a", false));
    }
    assertEquals(List.of("moved"), received);
  }

  @Test
  void whenTheRelyingPartyAcceptsAndNeverAnswers_thenTheAttemptEndsAtItsDeadline() throws Exception {
    try (ServerSocket blackHole = new ServerSocket(0, 1, LOOPBACK);
        BackchannelSender sender = sender(host -> address("127.0.0.1"), Duration.ofMillis(300))) {
      Thread accepting = new Thread(() -> {
        try (Socket held = blackHole.accept()) {
          held.getInputStream().transferTo(OutputStream.nullOutputStream()); // read until the sender hangs up
        } catch (IOException ignored) {
          // the test is over
        }
      });
      accepting.start();
      InterruptedIOException timedOut = assertThrows(InterruptedIOException.class, () -> sender.post(
          URI.create("http://black-hole.test:" + blackHole.getLocalPort() + "/bcl"), "logout_token=a", true));
      assertTrue(timedOut.getMessage().contains("no answer"), timedOut.getMessage());
      accepting.join(5_000);
    }
  }
}
