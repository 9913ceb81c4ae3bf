package dev.gatehouse.application.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SignInCapacityTest {

  private static SignInCapacity capacity(int permits) {
    SignInCapacity capacity = new SignInCapacity();
    capacity.configured = Optional.of(permits);
    capacity.init();
    return capacity;
  }

  @Test
  void whenEveryPermitAndEveryPlaceInTheQueueIsTaken_thenTheNextAttemptIsRefusedAndTheQueueIsServedInTurn()
      throws Exception {
    SignInCapacity capacity = capacity(1);
    capacity.maxWait = Duration.ofMinutes(1);
    SignInCapacity.Permit held = capacity.tryAcquire().orElseThrow();
    int queue = SignInCapacity.QUEUE_PER_PERMIT;
    ExecutorService waiters = Executors.newFixedThreadPool(queue);
    List<Future<Boolean>> waiting = new ArrayList<>();
    try {
      for (int i = 0; i < queue; i++) {
        waiting.add(waiters.submit(() -> {
          Optional<SignInCapacity.Permit> p = capacity.tryAcquire();
          p.ifPresent(SignInCapacity.Permit::close);
          return p.isPresent();
        }));
      }
      while (capacity.waiting() < queue) {
        Thread.onSpinWait();
      }
      assertTrue(capacity.tryAcquire().isEmpty(), "an attempt beyond the queue is refused, without waiting");
      assertEquals(queue, capacity.waiting(), "and it did not join the queue");
      held.close();
      for (Future<Boolean> w : waiting) {
        assertTrue(w.get(30, TimeUnit.SECONDS), "every waiter is served once permits come back");
      }
      assertEquals(0, capacity.waiting());
    } finally {
      waiters.shutdownNow();
    }
  }

  @Test
  void aPermitIsReturnedOnceEvenIfClosedTwice() {
    SignInCapacity capacity = capacity(1);
    SignInCapacity.Permit permit = capacity.tryAcquire().orElseThrow();
    permit.close();
    permit.close();
    SignInCapacity.Permit again = capacity.tryAcquire().orElseThrow();
    capacity.maxWait = Duration.ZERO;
    assertTrue(capacity.tryAcquire().isEmpty(), "only one permit exists");
    again.close();
    assertTrue(capacity.tryAcquire().isPresent(), "and it is back");
  }

  @Test
  void theDefaultIsHalfTheProcessorsAndAtLeastOne() {
    SignInCapacity capacity = new SignInCapacity();
    capacity.configured = Optional.empty();
    capacity.init();
    assertEquals(Math.max(1, Runtime.getRuntime().availableProcessors() / 2), capacity.size());
    assertThrows(IllegalStateException.class, () -> capacity(0));
  }
}
