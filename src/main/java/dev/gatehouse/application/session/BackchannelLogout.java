package dev.gatehouse.application.session;

import dev.gatehouse.infrastructure.logging.SafeLog;
import dev.gatehouse.protocol.client.Client;
import dev.gatehouse.protocol.logout.DeliverySchedule;
import dev.gatehouse.protocol.logout.DeliverySlots;
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
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import dev.gatehouse.infrastructure.http.BackchannelSender;
import dev.gatehouse.infrastructure.config.GatehouseConfig;

/**
 * Sends OpenID Connect Back-Channel Logout 1.0 notifications from the outbox that {@link SessionService#end} fills in
 * the logout's own transaction. {@link #deliverSoon} runs right after that transaction commits, on a container thread,
 * so the user's logout never waits for a relying party; a timer tries again what failed, with the back-off of {@link
 * DeliverySchedule}. Every node may run this: a notification is claimed by a conditional update before it is sent.
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
 */
@Singleton
@Startup
@DependsOn("Startup")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BackchannelLogout {

  /** One notification handed to a sender: {@link #delivered} completes with whether the relying party took it. */
  public record Dispatched(LogoutDelivery delivery, CompletableFuture<Boolean> delivered) {}

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

  private Dispatched handOver(LogoutDelivery delivery) {
    CompletableFuture<Boolean> delivered;
    try {
      delivered = CompletableFuture.supplyAsync(() -> sendOrLeave(delivery), senders);
    } catch (RejectedExecutionException e) {
      // Shutting down: the lease runs out and another node, or the next start, sends it.
      slots.give(delivery.clientId());
      return new Dispatched(delivery, CompletableFuture.completedFuture(false));
    }
    delivered.whenComplete((ok, failure) -> {
      slots.give(delivery.clientId());
      // A sender is free: look again if notifications were left waiting, or if a run is under way (it may have
      // skipped this client a moment ago; asking makes it look once more).
      if (backlog.get() || running.get()) {
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
