package dev.gatehouse.application.signin;

import dev.gatehouse.infrastructure.config.SettingsReader;
import dev.gatehouse.infrastructure.config.SignInSettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many password checks may run at once on this node ({@code GATEHOUSE_LOGIN_CONCURRENCY}, by default half the
 * processors, at least one), so that sign-in, whose cost an anonymous caller chooses, can never take the whole
 * machine from the token endpoint. A password check (PBKDF2 at 210,000 iterations: about 170 ms of one core; or a
 * directory bind) holds a permit; a few attempts ({@value #QUEUE_PER_PERMIT} per permit) may wait up to {@link
 * #MAX_WAIT} for one, so that an ordinary burst of people signing in at nine o'clock is served in turn; beyond that an
 * attempt is answered at once with 429 and {@code Retry-After} (RFC 6585 §4), holding no thread.
 *
 * <p>Measured before this bound: 32 parallel anonymous sign-ins with random usernames brought client_credentials down
 * to 10 % of its rate on a 2-core server. The bound caps what sign-in may use at the permits' share of the cores; the
 * figures are in the README's benchmark section.
 */
@ApplicationScoped
public class SignInCapacity {
  static final int QUEUE_PER_PERMIT = 4;
  static final Duration MAX_WAIT = Duration.ofSeconds(1);

  /** {@link SignInSettings#CONCURRENCY}; empty: half the processors, at least one. */
  Optional<Integer> configured;

  private Semaphore permits;
  private int size;
  private int queue;
  private final AtomicInteger waiting = new AtomicInteger();
  /** {@link #MAX_WAIT}; a test may wait longer. */
  Duration maxWait = MAX_WAIT;

  @PostConstruct
  void start() {
    configured = SettingsReader.microProfileConfig().optionalInteger(SignInSettings.CONCURRENCY);
    init();
  }

  void init() {
    int value = configured.orElse(Math.max(1, Runtime.getRuntime().availableProcessors() / 2));
    if (value < 1) {
      throw new IllegalStateException(SignInSettings.CONCURRENCY + " must be at least 1 (it is " + value + ")");
    }
    size = value;
    queue = QUEUE_PER_PERMIT * value;
    permits = new Semaphore(value, true);
  }

  /** A permit to check one password, to be closed when the check is done; empty when the node is at capacity. */
  public Optional<Permit> tryAcquire() {
    if (permits.tryAcquire()) {
      return Optional.of(new Permit());
    }
    if (waiting.incrementAndGet() > queue) {
      waiting.decrementAndGet();
      return Optional.empty();
    }
    try {
      return permits.tryAcquire(maxWait.toMillis(), TimeUnit.MILLISECONDS) ? Optional.of(new Permit())
          : Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } finally {
      waiting.decrementAndGet();
    }
  }

  /** How many attempts wait for a permit now. */
  int waiting() {
    return waiting.get();
  }

  /** How many password checks may run at once. */
  public int size() {
    return size;
  }

  /** One held permit. */
  public final class Permit implements AutoCloseable {
    private boolean released;

    private Permit() {}

    @Override
    public void close() {
      if (!released) {
        released = true;
        permits.release();
      }
    }
  }
}
