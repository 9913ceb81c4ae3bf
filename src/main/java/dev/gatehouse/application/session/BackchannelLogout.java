package dev.gatehouse.application.session;

import dev.gatehouse.infrastructure.logging.SafeLog;
import dev.gatehouse.protocol.client.Client;
import dev.gatehouse.protocol.logout.DeliverySchedule;
import dev.gatehouse.protocol.logout.DeliverySlots;
import dev.gatehouse.protocol.logout.LogoutWait;
import dev.gatehouse.protocol.logout.LogoutTokens;
import dev.gatehouse.protocol.logout.OutboundGuard;
import dev.gatehouse.protocol.store.ClientStore;
import dev.gatehouse.protocol.store.LogoutDeliveryStore.LogoutDelivery;
import dev.gatehouse.protocol.support.UrlEncoding;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import dev.gatehouse.infrastructure.http.BackchannelSender;
import dev.gatehouse.infrastructure.config.GatehouseConfig;

/**
 * Sends OpenID Connect Back-Channel Logout 1.0 notifications from the outbox that {@link SessionService#end} fills in
 * the logout's own transaction. After an RP-initiated logout, {@link #deliverAndWait} sends that logout's own
 * notifications at once, ahead of any backlog, and holds the request until they are answered or the logout's bound
 * ({@code GATEHOUSE_LOGOUT_WAIT}, {@link LogoutWait}) has passed, so that the browser reaches the post-logout page only
 * once the other relying parties know ({@link UserLogout}). Every other ending of a session (the administration's, a
 * sign-in of another user in the same browser) calls {@link #deliverSoon}, which sends on a container thread of its
 * own and keeps no one waiting. A timer tries again what failed, with the back-off of {@link DeliverySchedule}. Every
 * node may run this: a notification is claimed by a conditional update before it is sent.
 *
 * <p>Notifications go out in parallel, each on a sender thread of its own, at most {@value #PER_CLIENT} at once to
 * one client and {@value #SENDERS} in all ({@link DeliverySlots}): a relying party whose URI is a black hole holds
 * its own senders until their deadline and no one else's. A notification is claimed only when a sender is free for
 * it, so its lease never runs out while it waits; one whose client has no free sender stays due, and the look-up of
 * due notifications skips that client so that its backlog hides no one else's. When a sender frees up while
 * notifications were left waiting, it looks again at once rather than at the next timer.
 *
 * <p>Each notification is a form POST of {@code logout_token} (§2.5) to the URI the client registered, with a fresh
 * logout token signed at sending time, through {@link BackchannelSender}: no redirects are followed (§2.5 of the spec
 * expects the answer from the registered URI itself), the connection of a self-registered client goes only to the
 * addresses {@link OutboundGuard} checked, and the answer must be 200 or 204 (§2.8).
 *
 * <p>A logout that waits changes nothing of how a notification is sent: it takes its senders from the same {@link
 * DeliverySlots}, so its wait for a client whose senders are all held by a black hole ends at the bound, and the
 * notification stays due for the next run. When the bound passes, nothing is cancelled: a notification on the wire
 * keeps its sender and its claim, whose lease outlasts the attempt, and records its own outcome (delivered, or failed
 * with its next attempt); one that never got a sender is still due in the outbox. Nothing is lost and nothing is sent
 * again to a receiver that answered.
 */
@Singleton
@Startup
@DependsOn("Startup")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BackchannelLogout {

  /** One notification handed to a sender: {@link #delivered} completes with whether the relying party took it. */
  public record Dispatched(LogoutDelivery delivery, CompletableFuture<Boolean> delivered) {}

  /** A notification a logout waits for; {@code taken} once a run or the logout got a sender and tried to claim it. */
  private record Watch(LogoutDelivery delivery, LogoutWait logout, CompletableFuture<Void> settled,
      AtomicBoolean taken) {}

  private static final SafeLog LOG = SafeLog.of(BackchannelLogout.class);
  private static final int BATCH = 50;
  /** At least this much longer than the longest attempt, so that no other run claims a notification meanwhile. */
  private static final Duration LEASE_MARGIN = Duration.ofSeconds(20);
  static final int SENDERS = 16;
  static final int PER_CLIENT = 2;

  @Resource TimerService timers;
  @Resource ManagedThreadFactory threadFactory;
  @Inject LogoutDeliveries outbox;
  @Inject ClientStore clients;
  @Inject LogoutTokens logoutTokens;
  @Inject GatehouseConfig config;
  @Inject Clock clock;

  private final AtomicBoolean running = new AtomicBoolean();
  /** Someone asked for a run: the one under way runs again before it stops (no wake-up is lost). */
  private final AtomicBoolean wanted = new AtomicBoolean();
  /** Notifications were left due for want of a sender: look again when one frees up. */
  private final AtomicBoolean backlog = new AtomicBoolean();
  private final DeliverySlots slots = new DeliverySlots(SENDERS, PER_CLIENT);
  /** The notifications that logouts on this node wait for, by id: they get the next free senders. */
  private final Map<String, Watch> watched = new ConcurrentHashMap<>();
  /** The notifications this node has on the wire, by id, so that a logout can follow one that a run sent. */
  private final Map<String, CompletableFuture<Boolean>> inFlight = new ConcurrentHashMap<>();
  private ThreadPoolExecutor senders;
  private ScheduledThreadPoolExecutor deadlines;
  private BackchannelSender sender;
  private Duration lease;

  // Lifecycle methods have names no other method has: Payara finds them by name and would call an overload.
  @PostConstruct
  void start() {
    senders = new ThreadPoolExecutor(SENDERS, SENDERS, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
        threadFactory);
    senders.allowCoreThreadTimeOut(true);
    deadlines = new ScheduledThreadPoolExecutor(1, threadFactory);
    deadlines.setRemoveOnCancelPolicy(true);
    sender = new BackchannelSender(OutboundGuard.usingDns(), SENDERS, deadlines, config.logoutTimeout());
    lease = sender.deadline().plus(LEASE_MARGIN);
    long interval = config.logoutRetryInterval().toMillis();
    timers.createIntervalTimer(interval, interval, new TimerConfig("gatehouse-backchannel-logout", false));
  }

  @PreDestroy
  void stop() {
    senders.shutdownNow();
    deadlines.shutdownNow();
    try {
      sender.close();
    } catch (IOException e) {
      LOG.warning("Closing the back-channel HTTP client failed: {}", e);
    }
  }

  /** After a logout committed: deliver what is due now, on a container thread of its own. */
  @Asynchronous
  public void deliverSoon() {
    deliverDue();
  }

  @Timeout
  void onTimer() {
    deliverDue();
  }

  /**
   * After an RP-initiated logout committed: sends its {@code notifications} now, in parallel, each on a sender of its
   * own as {@link DeliverySlots} allows, and returns when {@code wait} is {@link LogoutWait#over over}: each one
   * answered or failed, or the bound used up. A notification without a free sender waits for the next one to free up
   * (ahead of the backlog); at the bound it is left due, one on the wire is left to its sender. Never longer than the
   * bound, whatever the relying parties do; an interrupted wait returns at once.
   */
  public void deliverAndWait(List<LogoutDelivery> notifications, LogoutWait wait) {
    List<Watch> watches = new ArrayList<>();
    for (LogoutDelivery delivery : notifications) {
      Watch watch = new Watch(delivery, wait, new CompletableFuture<>(), new AtomicBoolean());
      watches.add(watch);
      watched.put(delivery.id(), watch);
      CompletableFuture<Boolean> sending = inFlight.get(delivery.id()); // a run may have sent it already
      if (sending != null) {
        follow(watch, sending);
      }
    }
    try {
      try {
        dispatchWatched(new ArrayList<>());
      } catch (RuntimeException e) {
        // The logout has committed: whatever could not be claimed stays due, and the timer sends it.
        LOG.warning("Back-channel logout of a logout's notifications stopped; the next run continues: {}", e);
      }
      CompletableFuture<Void> all = CompletableFuture.allOf(
          watches.stream().map(Watch::settled).toArray(CompletableFuture[]::new));
      while (!wait.over()) {
        try {
          all.get(wait.remaining().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
          // wait.over() decides
        } catch (ExecutionException e) {
          break; // settled futures only ever complete normally
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      for (Watch watch : watches) {
        watched.remove(watch.delivery().id(), watch);
        if (!watch.taken().get()) {
          backlog.set(true); // it never got a sender and stays due: the next sender to free up looks again
        }
      }
    }
    LOG.info("Logout waited for its {} back-channel notification(s): {}", notifications.size(), wait.tally());
  }

  /**
   * Hands every due notification that has a free sender to one, and returns them at once: each one's future
   * completes when its attempt is over. A call while another run is under way makes that run look again, and returns
   * none.
   */
  public List<Dispatched> deliverDue() {
    wanted.set(true);
    List<Dispatched> dispatched = new ArrayList<>();
    while (wanted.get() && running.compareAndSet(false, true)) {
      try {
        wanted.set(false);
        dispatch(dispatched);
      } catch (RuntimeException e) {
        LOG.warning("Back-channel logout run stopped; the next run continues: {}", e);
      } finally {
        running.set(false);
      }
    }
    return dispatched;
  }

  private void dispatch(List<Dispatched> dispatched) {
    boolean waiting = false;
    boolean lookAgain = true;
    while (lookAgain) {
      waiting |= dispatchWatched(dispatched); // a browser waits for these: they go first
      if (slots.free() == 0) {
        waiting = true;
        break;
      }
      Instant now = clock.instant();
      Set<String> full = slots.fullClients();
      List<LogoutDelivery> due = outbox.due(now, BATCH, full);
      boolean leftWaiting = false;
      for (LogoutDelivery delivery : due) {
        if (!slots.take(delivery.clientId())) {
          leftWaiting = true; // its client (or this node) has no free sender: it stays due
        } else if (outbox.claim(delivery.id(), now, now.plus(lease))) {
          dispatched.add(handOver(delivery));
        } else {
          slots.give(delivery.clientId()); // another node or run took it
        }
      }
      // Skipped clients may have notifications waiting, and so may a client that filled up just now.
      waiting |= leftWaiting || !full.isEmpty();
      // Again when a client filled up (the next look-up skips it) or the batch was full: more may be due.
      lookAgain = leftWaiting || due.size() == BATCH;
    }
    backlog.set(waiting);
  }

  /**
   * Hands the notifications that logouts wait for to free senders, claiming each by its id; returns whether some are
   * left without a sender. One claimed already (by a run of this node or by another node) is followed or, when this
   * node cannot see it end, counted as done elsewhere.
   */
  private boolean dispatchWatched(List<Dispatched> dispatched) {
    boolean left = false;
    for (Watch watch : watched.values()) {
      LogoutDelivery delivery = watch.delivery();
      if (watch.taken().get() || watch.settled().isDone()) {
        continue;
      }
      if (!slots.take(delivery.clientId())) {
        left = true; // waits for a sender of its client, or of this node, to free up
        continue;
      }
      if (!watch.taken().compareAndSet(false, true)) {
        slots.give(delivery.clientId()); // a concurrent run took it first
        continue;
      }
      Instant now = clock.instant();
      boolean claimed;
      try {
        claimed = outbox.claim(delivery.id(), now, now.plus(lease));
      } catch (RuntimeException e) {
        slots.give(delivery.clientId());
        settle(watch, LogoutWait.Progress.FAILED); // still due in the outbox: the next run sends it
        throw e;
      }
      if (claimed) {
        dispatched.add(handOver(delivery));
      } else {
        slots.give(delivery.clientId());
        CompletableFuture<Boolean> sending = inFlight.get(delivery.id());
        if (sending != null) {
          follow(watch, sending);
        } else {
          settle(watch, LogoutWait.Progress.ELSEWHERE);
        }
      }
    }
    return left;
  }

  private void follow(Watch watch, CompletableFuture<Boolean> sending) {
    sending.whenComplete((ok, failure) -> settle(watch,
        Boolean.TRUE.equals(ok) ? LogoutWait.Progress.DELIVERED : LogoutWait.Progress.FAILED));
  }

  private static void settle(Watch watch, LogoutWait.Progress progress) {
    watch.logout().record(watch.delivery().id(), progress);
    watch.settled().complete(null);
  }

  /** How many notifications logouts on this node wait for (for tests). */
  int watching() {
    return watched.size();
  }

  private boolean someWatchedWaitForASender() {
    return watched.values().stream().anyMatch(w -> !w.taken().get() && !w.settled().isDone());
  }

  private Dispatched handOver(LogoutDelivery delivery) {
    CompletableFuture<Boolean> delivered;
    try {
      delivered = CompletableFuture.supplyAsync(() -> sendOrLeave(delivery), senders);
    } catch (RejectedExecutionException e) {
      // Shutting down: the lease runs out and another node, or the next start, sends it.
      slots.give(delivery.clientId());
      return new Dispatched(delivery, CompletableFuture.completedFuture(false));
    }
    inFlight.put(delivery.id(), delivered);
    Watch watch = watched.get(delivery.id());
    if (watch != null) {
      watch.taken().set(true); // a run sent it: the logout need not claim it again
      follow(watch, delivered); // a logout waits for this one
    }
    delivered.whenComplete((ok, failure) -> {
      inFlight.remove(delivery.id(), delivered);
      slots.give(delivery.clientId());
      // A sender is free: look again if notifications were left waiting (a logout's among them), or if a run is
      // under way (it may have skipped this client a moment ago; asking makes it look once more).
      if (backlog.get() || running.get() || someWatchedWaitForASender()) {
        deliverDue();
      }
    });
    return new Dispatched(delivery, delivered);
  }

  /** Sends; on an unexpected failure (the database, say) leaves the claim to run out, so that it is tried again. */
  private boolean sendOrLeave(LogoutDelivery delivery) {
    try {
      return send(delivery);
    } catch (RuntimeException e) {
      LOG.warning(e, "Back-channel logout of session {} to client {} stopped; tried again once its claim runs out",
          delivery.sid(), delivery.clientId());
      return false;
    }
  }

  private boolean send(LogoutDelivery delivery) {
    int attempts = delivery.attempts() + 1;
    Optional<Client> client = clients.find(delivery.clientId());
    if (client.isEmpty()) {
      return gaveUp(delivery, attempts, "client no longer registered");
    }
    String error;
    try {
      String token = logoutTokens.create(client.get(), delivery.subject(), delivery.sid());
      boolean guarded = OutboundGuard.mustCheck(client.get(), config.dynamicClientsMayCallInternal());
      int status = sender.post(URI.create(delivery.uri()), "logout_token=" + UrlEncoding.encode(token), guarded);
      if (status == 200 || status == 204) {
        outbox.delivered(delivery.id(), attempts, clock.instant());
        LOG.info("Back-channel logout of session {} delivered to client {}", delivery.sid(), delivery.clientId());
        return true;
      }
      error = "HTTP " + status;
    } catch (OutboundGuard.RefusedHostException e) {
      // Nothing to retry: the URI points where a self-registered client may not send us.
      return gaveUp(delivery, attempts, "refused: " + e.getMessage());
    } catch (InterruptedIOException e) {
      error = "timed out: " + e.getMessage();
    } catch (IOException | IllegalArgumentException e) {
      error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
    Instant now = clock.instant();
    Optional<Instant> next = new DeliverySchedule(config.logoutMaxAttempts()).nextAttempt(attempts, now);
    outbox.failed(delivery.id(), attempts, next, error, now);
    LOG.warning("Back-channel logout of session {} to client {} failed (attempt {}: {}); next attempt {}",
        delivery.sid(), delivery.clientId(), attempts, error, next.map(Instant::toString).orElse("none, giving up"));
    return false;
  }

  private boolean gaveUp(LogoutDelivery delivery, int attempts, String reason) {
    outbox.failed(delivery.id(), attempts, Optional.empty(), reason, clock.instant());
    LOG.warning("Back-channel logout of session {} to client {} not sent: {}", delivery.sid(), delivery.clientId(),
        reason);
    return false;
  }
}
