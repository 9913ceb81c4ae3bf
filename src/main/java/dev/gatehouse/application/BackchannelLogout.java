package dev.gatehouse.application;

import dev.gatehouse.protocol.client.Client;
import dev.gatehouse.protocol.logout.DeliverySchedule;
import dev.gatehouse.protocol.logout.LogoutTokens;
import dev.gatehouse.protocol.logout.OutboundGuard;
import dev.gatehouse.protocol.store.ClientStore;
import dev.gatehouse.protocol.store.LogoutDeliveryStore.LogoutDelivery;
import dev.gatehouse.protocol.support.UrlEncoding;
import jakarta.annotation.PostConstruct;
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
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * Sends OpenID Connect Back-Channel Logout 1.0 notifications from the outbox that {@link SessionService#end} fills in
 * the logout's own transaction. {@link #deliverSoon} runs right after that transaction commits, on a container thread,
 * so the user's logout never waits for a relying party; a timer tries again what failed, with the back-off of {@link
 * DeliverySchedule}. Every node may run this: a notification is claimed by a conditional update before it is sent.
 *
 * <p>Each notification is a form POST of {@code logout_token} (§2.5) to the URI the client registered, with a fresh
 * logout token signed at sending time; no redirects are followed (§2.5 of the spec expects the answer from the
 * registered URI itself), and the answer must be 200 or 204 (§2.8). Timeouts are short: a hung relying party costs a
 * container thread for at most a few seconds.
 */
@Singleton
@Startup
@DependsOn("Startup")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BackchannelLogout {

  private static final Logger LOG = Logger.getLogger(BackchannelLogout.class.getName());
  private static final int BATCH = 50;
  private static final Duration LEASE = Duration.ofSeconds(30);
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  @Resource TimerService timers;
  @Inject LogoutDeliveries outbox;
  @Inject ClientStore clients;
  @Inject LogoutTokens logoutTokens;
  @Inject GatehouseConfig config;
  @Inject Clock clock;

  private final AtomicBoolean running = new AtomicBoolean();
  private final OutboundGuard guard = OutboundGuard.usingDns();
  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(TIMEOUT)
      .followRedirects(HttpClient.Redirect.NEVER)
      .build();

  @PostConstruct
  void schedule() {
    long interval = config.logoutRetryInterval().toMillis();
    timers.createIntervalTimer(interval, interval, new TimerConfig("gatehouse-backchannel-logout", false));
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

  /** Sends every due notification; returns how many were delivered. */
  public int deliverDue() {
    if (!running.compareAndSet(false, true)) {
      return 0;
    }
    try {
      int delivered = 0;
      Instant now = clock.instant();
      for (LogoutDelivery delivery : outbox.due(now, BATCH)) {
        if (outbox.claim(delivery.id(), now, now.plus(LEASE))) {
          delivered += send(delivery) ? 1 : 0;
        }
      }
      return delivered;
    } catch (RuntimeException e) {
      LOG.warning(() -> "Back-channel logout run stopped; the next run continues: " + e);
      return 0;
    } finally {
      running.set(false);
    }
  }

  private boolean send(LogoutDelivery delivery) {
    int attempts = delivery.attempts() + 1;
    String error;
    Optional<Client> client = clients.find(delivery.clientId());
    Optional<String> refused = client.flatMap(c -> guard.refusal(c, URI.create(delivery.uri()),
        config.dynamicClientsMayCallInternal()));
    if (client.isEmpty() || refused.isPresent()) {
      // Nothing to retry: the client is gone, or its URI points where a self-registered client may not send us.
      String reason = client.isEmpty() ? "client no longer registered" : "refused: " + refused.get();
      outbox.failed(delivery.id(), attempts, Optional.empty(), reason, clock.instant());
      LOG.warning(() -> "Back-channel logout of session " + delivery.sid() + " to client " + delivery.clientId()
          + " not sent: " + reason);
      return false;
    } else {
      try {
        String token = logoutTokens.create(client.get(), delivery.subject(), delivery.sid());
        HttpRequest request = HttpRequest.newBuilder(URI.create(delivery.uri()))
            .timeout(TIMEOUT)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("logout_token=" + UrlEncoding.encode(token)))
            .build();
        int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status == 200 || status == 204) {
          outbox.delivered(delivery.id(), attempts, clock.instant());
          LOG.info(() -> "Back-channel logout of session " + delivery.sid() + " delivered to client "
              + delivery.clientId());
          return true;
        }
        error = "HTTP " + status;
      } catch (IOException | IllegalArgumentException e) {
        error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        error = "interrupted";
      }
    }
    Instant now = clock.instant();
    Optional<Instant> next = new DeliverySchedule(config.logoutMaxAttempts()).nextAttempt(attempts, now);
    String reason = error;
    outbox.failed(delivery.id(), attempts, next, reason, now);
    LOG.warning(() -> "Back-channel logout of session " + delivery.sid() + " to client " + delivery.clientId()
        + " failed (attempt " + attempts + ": " + reason + "); "
        + next.map(t -> "next attempt at " + t).orElse("giving up"));
    return false;
  }
}
