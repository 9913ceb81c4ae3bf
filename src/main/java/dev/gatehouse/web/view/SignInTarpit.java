package dev.gatehouse.web.view;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Holds a sign-in's 429 answer back for as long as it tells the caller to wait (at most {@link #MAX_HOLD}), without
 * holding a thread: the request goes asynchronous (Servlet 6 §2.3.3.3), its page is rendered at once into the
 * response, and the container's scheduler completes it later.
 *
 * <p>Why: refusing an attempt without checking its password is cheap, but a client that ignores {@code Retry-After}
 * gets the next refusal at once, and a few dozen such clients turn a sign-in flood into a request flood that takes
 * the token endpoint's share of the cores (measured: client_credentials at 29 % of its rate beside 32 flood clients
 * answered at once). Held back, each flood connection gets one answer per wait, whatever it does, so the flood costs
 * next to nothing; a person who presses the button again a second later notices nothing. At most {@link #MAX_HELD}
 * answers are held at once per node (each is an open connection and a rendered page); beyond that an answer goes out
 * at once, as before.
 */
@ApplicationScoped
public class SignInTarpit {
  static final Duration MAX_HOLD = Duration.ofSeconds(2);
  static final int MAX_HELD = 2048;

  @Resource ManagedScheduledExecutorService scheduler;

  private final AtomicInteger held = new AtomicInteger();

  /**
   * Puts the request into asynchronous mode so that its answer, written next, is sent {@code wait} (at most {@link
   * #MAX_HOLD}) from now; returns how long it will be held (zero when it is answered at once).
   */
  public Duration hold(HttpServletRequest request, Duration wait) {
    Duration hold = wait.compareTo(MAX_HOLD) > 0 ? MAX_HOLD : wait;
    if (hold.isZero() || hold.isNegative() || !request.isAsyncSupported() || scheduler == null) {
      return Duration.ZERO;
    }
    if (held.incrementAndGet() > MAX_HELD) {
      held.decrementAndGet();
      return Duration.ZERO;
    }
    AsyncContext async = request.startAsync();
    async.setTimeout(hold.toMillis() + 10_000);
    async.addListener(new Release());
    scheduler.schedule(() -> {
      try {
        async.complete();
      } catch (IllegalStateException alreadyDone) {
        // the client went away, or the container timed the request out: the listener has released it
      }
    }, hold.toMillis(), TimeUnit.MILLISECONDS);
    return hold;
  }

  /** {@link #hold} for a refused attempt: a 429 is held for its wait, and the answer then says what is left of it. */
  public PasswordSignIn.Attempt holdBack(HttpServletRequest request, PasswordSignIn.Attempt attempt) {
    if (attempt.outcome() == PasswordSignIn.Outcome.REFUSED || attempt.outcome() == PasswordSignIn.Outcome.SIGNED_IN) {
      return attempt;
    }
    return attempt.after(hold(request, attempt.retryAfter()));
  }

  /** How many answers are held now. */
  int held() {
    return held.get();
  }

  /** Releases the request's place once it is done, however it ends. */
  private final class Release implements AsyncListener {
    private boolean released;

    private synchronized void release() {
      if (!released) {
        released = true;
        held.decrementAndGet();
      }
    }

    @Override
    public void onComplete(AsyncEvent event) {
      release();
    }

    @Override
    public void onTimeout(AsyncEvent event) {
      release();
      event.getAsyncContext().complete();
    }

    @Override
    public void onError(AsyncEvent event) {
      release();
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
      // not started again
    }
  }
}
