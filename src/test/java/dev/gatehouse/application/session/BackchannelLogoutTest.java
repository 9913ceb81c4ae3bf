package dev.gatehouse.application.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.gatehouse.infrastructure.config.LogoutSettings;
import dev.gatehouse.protocol.client.TestClients;
import dev.gatehouse.protocol.logout.LogoutTokens;
import dev.gatehouse.protocol.logout.LogoutWait;
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

    synchronized Instant nextAttempt(String id) {
      return next.get(id);
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
    rp.createContext("/slow", exchange -> {
      exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
      try {
        Thread.sleep(300); // a relying party that ends its own session first, then answers
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      received.add(exchange.getRequestURI().getQuery());
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
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
        new LogoutSettings(Duration.ofMinutes(10), 3, Duration.ofSeconds(30), Duration.ofSeconds(2), false));
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

  private String rpUri(String path, String name) {
    return "http://127.0.0.1:" + rp.getAddress().getPort() + path + "?rp=" + name;
  }

  private String holeUri() {
    return "http://127.0.0.1:" + blackHole.getLocalPort() + "/bcl";
  }

  private LogoutDelivery row(String id) {
    synchronized (store) {
      return store.rows.get(id);
    }
  }

  private boolean finished(String id) {
    synchronized (store) {
      return store.finished.contains(id);
    }
  }

  private boolean due(String id) {
    return store.due(Instant.now(), 1000, Set.of()).stream().anyMatch(d -> d.id().equals(id));
  }

  /** A logout of these notifications waiting up to {@code bound}; returns its wait once deliverAndWait returned. */
  private LogoutWait logoutWaiting(Duration bound, String... ids) {
    List<LogoutDelivery> notifications = java.util.Arrays.stream(ids).map(this::row).toList();
    LogoutWait wait = LogoutWait.start(List.of(ids), bound, Clock.systemUTC());
    backchannel.deliverAndWait(notifications, wait);
    return wait;
  }

  /** Lets every black-hole sender fail: the connections it holds are closed under it. */
  private void closeTheBlackHolesConnections() throws IOException {
    for (Socket socket : held) {
      socket.close();
    }
  }

  /** Fills every sender of the node with black-hole notifications (8 clients, 2 each). */
  private List<String> holdEverySender() throws InterruptedException {
    List<String> holes = new ArrayList<>();
    for (int i = 0; i < BackchannelLogout.SENDERS; i++) {
      holes.add(enqueue("black-hole-" + (i / BackchannelLogout.PER_CLIENT), holeUri()));
    }
    assertEquals(BackchannelLogout.SENDERS, backchannel.deliverDue().size());
    for (int i = 0; i < 3000 && blackHoleConnections.get() < BackchannelLogout.SENDERS; i++) {
      Thread.sleep(10); // until every sender holds its connection
    }
    assertEquals(BackchannelLogout.SENDERS, blackHoleConnections.get());
    return holes;
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

  @Test
  void whenALogoutWaits_thenItReturnsOnlyOnceEachOfItsRelyingPartiesAnswered() {
    String slow = enqueue("slow", rpUri("/slow", "slow"));
    String fast = enqueue("fast", rpUri("/bcl", "fast"));

    LogoutWait wait = logoutWaiting(Duration.ofSeconds(20), slow, fast);

    assertEquals(Set.of("rp=slow", "rp=fast"), Set.copyOf(received), "both told before the logout returned");
    assertTrue(finished(slow) && finished(fast), "and their answers recorded in the outbox");
    assertEquals(Map.of(LogoutWait.Progress.DELIVERED, 2), wait.tally());
  }

  @Test
  void whenOneRelyingPartyIsABlackHole_thenTheWaitEndsAtTheBound_andItsNotificationIsLeftToItsSenderAndTheOutbox()
      throws Exception {
    String hole = enqueue("black-hole", holeUri());
    String working = enqueue("working", rpUri("/bcl", "working"));

    LogoutWait wait = logoutWaiting(Duration.ofMillis(500), hole, working);

    assertEquals(List.of("rp=working"), received);
    assertEquals(Map.of(LogoutWait.Progress.DELIVERED, 1, LogoutWait.Progress.UNDER_WAY, 1), wait.tally());
    assertFalse(finished(hole), "not given up");
    assertFalse(due(hole), "still claimed by its sender, which is still on the wire");
    assertEquals(1, blackHoleConnections.get(), "sent once");

    closeTheBlackHolesConnections(); // its attempt fails: back in the outbox with its next attempt
    for (int i = 0; i < 3000 && !store.nextAttempt(hole).isBefore(Instant.now().plus(Duration.ofSeconds(20)));
        i++) {
      Thread.sleep(10); // until the lease (the attempt's 60 s and 20 more) gives way to the retry's 5 s
    }
    assertTrue(store.nextAttempt(hole).isBefore(Instant.now().plus(Duration.ofSeconds(20))), "retried soon");
    assertFalse(finished(hole), "to be tried again, not given up");
  }

  @Test
  void whenEverySenderIsHeldByBlackHoles_thenALogoutsWaitEndsAtTheBound_andItsNotificationStaysDueAndIsSentLater()
      throws Exception {
    holdEverySender();
    String working = enqueue("working", rpUri("/bcl", "working"));

    LogoutWait wait = logoutWaiting(Duration.ofMillis(300), working);

    assertEquals(Map.of(LogoutWait.Progress.UNDER_WAY, 1), wait.tally());
    assertTrue(received.isEmpty(), "no sender was free");
    assertTrue(due(working), "still due, not claimed: the next run takes it");

    closeTheBlackHolesConnections(); // senders free up and look again for what was left waiting
    for (int i = 0; i < 3000 && !finished(working); i++) {
      Thread.sleep(10);
    }
    assertTrue(finished(working), "sent once a sender was free, without waiting for the timer");
    assertEquals(List.of("rp=working"), received);
  }

  @Test
  void whenSendersFreeUpDuringTheWait_thenTheLogoutsNotificationIsSentAndAwaited() throws Exception {
    holdEverySender();
    String working = enqueue("working", rpUri("/bcl", "working"));
    CompletableFuture<LogoutWait> logout = CompletableFuture.supplyAsync(
        () -> logoutWaiting(Duration.ofSeconds(20), working));
    for (int i = 0; i < 3000 && backchannel.watching() == 0; i++) {
      Thread.sleep(10); // until the logout waits (and has found no free sender)
    }
    assertEquals(1, backchannel.watching());

    closeTheBlackHolesConnections();
    LogoutWait wait = logout.get(30, TimeUnit.SECONDS);

    assertEquals(Map.of(LogoutWait.Progress.DELIVERED, 1), wait.tally());
    assertTrue(finished(working));
    assertEquals(List.of("rp=working"), received);
  }
}
