package dev.gatehouse.application.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.gatehouse.infrastructure.config.LogoutSettings;
import dev.gatehouse.protocol.client.TestClients;
import dev.gatehouse.protocol.logout.LogoutTokens;
import dev.gatehouse.protocol.oidc.TestSigner;
import dev.gatehouse.protocol.store.LogoutDeliveryStore;
import dev.gatehouse.protocol.store.LogoutDeliveryStore.LogoutDelivery;
import jakarta.ejb.TimerService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import dev.gatehouse.infrastructure.config.ConfigWiring;

/**
 * The outbox runner without a container: an in-memory outbox, a relying party that answers on loopback and one that
 * accepts connections and never answers.
 */
class BackchannelLogoutTest {
  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

  /** The outbox, as the JPA store keeps it: due oldest first, claimed by moving the next attempt. */
  private static final class Outbox implements LogoutDeliveryStore {
    private final Map<String, LogoutDelivery> rows = new LinkedHashMap<>();
    private final Map<String, Instant> next = new LinkedHashMap<>();
    private final List<String> finished = new ArrayList<>();

    @Override
    public synchronized void enqueue(LogoutDelivery delivery, Instant now) {
      rows.put(delivery.id(), delivery);
      next.put(delivery.id(), now);
    }

    @Override
    public synchronized List<LogoutDelivery> due(Instant now, int limit, Set<String> skippedClients) {
      return rows.values().stream().filter(d -> !finished.contains(d.id()) && !next.get(d.id()).isAfter(now))
          .filter(d -> !skippedClients.contains(d.clientId()))
          .sorted(Comparator.comparing(d -> next.get(d.id()))).limit(limit).toList();
    }

    @Override
    public synchronized boolean claim(String id, Instant now, Instant leaseUntil) {
      if (finished.contains(id) || next.get(id).isAfter(now)) {
        return false;
      }
      next.put(id, leaseUntil);
      return true;
    }

    @Override
    public synchronized void delivered(String id, int attempts, Instant now) {
      finished.add(id);
    }

    @Override
    public synchronized void failed(String id, int attempts, Optional<Instant> nextAttempt, String error,
        Instant now) {
      nextAttempt.ifPresentOrElse(t -> next.put(id, t), () -> finished.add(id));
    }
  }

  /** Container threads, as the default ManagedThreadFactory gives them. */
  private static final class Threads implements ManagedThreadFactory {
    @Override
    public Thread newThread(Runnable task) {
      Thread thread = new Thread(task, "sender");
      thread.setDaemon(true);
      return thread;
    }

    @Override
    public ForkJoinWorkerThread newThread(ForkJoinPool pool) {
      throw new UnsupportedOperationException();
    }
  }

  private final Outbox store = new Outbox();
  private final List<String> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger blackHoleConnections = new AtomicInteger();
  private final List<Socket> held = new CopyOnWriteArrayList<>();
  private HttpServer rp;
  private ServerSocket blackHole;
  private BackchannelLogout backchannel;

  @BeforeEach
  void start() throws IOException {
    rp = HttpServer.create(new InetSocketAddress(LOOPBACK, 0), 0);
    rp.createContext("/bcl", exchange -> {
      exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
      received.add(exchange.getRequestURI().getQuery());
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    rp.start();
    blackHole = new ServerSocket(0, 100, LOOPBACK);
    Thread acceptor = new Thread(() -> {
      while (!blackHole.isClosed()) {
        try {
          held.add(blackHole.accept()); // and never a byte back
          blackHoleConnections.incrementAndGet();
        } catch (IOException closed) {
          return;
        }
      }
    });
    acceptor.setDaemon(true);
    acceptor.start();

    backchannel = new BackchannelLogout();
    backchannel.timers = (TimerService) Proxy.newProxyInstance(TimerService.class.getClassLoader(),
        new Class<?>[] {TimerService.class}, (proxy, method, args) -> null);
    backchannel.threadFactory = new Threads();
    backchannel.outbox = new LogoutDeliveries();
    backchannel.outbox.store = store;
    backchannel.clients = id -> Optional.of(TestClients.confidential(id));
    backchannel.clock = Clock.systemUTC();
    backchannel.logoutTokens = new LogoutTokens(new TestSigner(), "https://issuer.example", backchannel.clock);
    backchannel.config = ConfigWiring.logout(
        new LogoutSettings(Duration.ofMinutes(10), 3, Duration.ofSeconds(30), false));
    backchannel.start();
  }

  @AfterEach
  void stop() throws IOException {
    backchannel.stop();
    rp.stop(0);
    blackHole.close();
    for (Socket socket : held) {
      socket.close();
    }
  }

  private String enqueue(String clientId, String uri) {
    String id = UUID.randomUUID().toString();
    store.enqueue(new LogoutDelivery(id, clientId, uri, "sid-" + id, "subject", 0), Instant.now());
    return id;
  }

  @Test
  void whenABlackHoleClientHasMoreDueNotificationsThanABatch_thenTheOtherClientIsToldWhileTheyHang()
      throws Exception {
    String hole = "http://127.0.0.1:" + blackHole.getLocalPort() + "/bcl";
    for (int i = 0; i < 60; i++) {
      enqueue("black-hole", hole); // older than the other client's: they come first in the look-up
    }
    Thread.sleep(5); // the working client's notification is the newest
    String working = enqueue("working", "http://127.0.0.1:" + rp.getAddress().getPort() + "/bcl?rp=working");

    List<BackchannelLogout.Dispatched> dispatched = backchannel.deliverDue();

    assertEquals(BackchannelLogout.PER_CLIENT + 1, dispatched.size(), "two to the black hole, one to the other");
    CompletableFuture<Boolean> told = dispatched.stream().filter(d -> d.delivery().id().equals(working))
        .findFirst().orElseThrow().delivered();
    assertTrue(told.get(20, TimeUnit.SECONDS), "delivered");
    assertEquals(List.of("rp=working"), received);
    assertTrue(dispatched.stream().filter(d -> d.delivery().clientId().equals("black-hole"))
        .noneMatch(d -> d.delivered().isDone()), "while the black hole's two still hang");
    assertTrue(blackHoleConnections.get() <= BackchannelLogout.PER_CLIENT, "never more than its own two at once");
  }
}
