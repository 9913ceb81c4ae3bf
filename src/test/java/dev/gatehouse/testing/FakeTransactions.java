package dev.gatehouse.testing;

import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * The container's transaction as after-commit work sees it, without a container: a status that the test sets, and
 * events delivered to an after-success observer as CDI 4.0 §10.5 says ({@link #afterSuccess}): at once when no
 * transaction runs, at {@link #complete} when the transaction commits, never when it rolls back, and skipped when it is
 * already marked for rollback.
 */
public final class FakeTransactions implements TransactionSynchronizationRegistry {
  /** What {@link #getTransactionStatus} answers; one of {@link Status}. */
  public int status = Status.STATUS_NO_TRANSACTION;

  private final List<Synchronization> synchronizations = new ArrayList<>();

  /** Ends the running transaction with {@code outcome} ({@link Status#STATUS_COMMITTED} or a rollback). */
  public void complete(int outcome) {
    List<Synchronization> registered = List.copyOf(synchronizations);
    synchronizations.clear();
    registered.forEach(s -> s.afterCompletion(outcome));
    status = Status.STATUS_NO_TRANSACTION;
  }

  /** An {@code Event<T>} whose one observer is {@code @Observes(during = TransactionPhase.AFTER_SUCCESS)}. */
  public <T> Event<T> afterSuccess(Consumer<? super T> observer) {
    return new AfterSuccess<>(observer);
  }

  @Override
  public int getTransactionStatus() {
    return status;
  }

  @Override
  public void registerInterposedSynchronization(Synchronization sync) {
    if (status != Status.STATUS_ACTIVE) {
      throw new IllegalStateException("no active transaction");
    }
    synchronizations.add(sync);
  }

  @Override
  public Object getTransactionKey() {
    return null;
  }

  @Override
  public void putResource(Object key, Object value) {}

  @Override
  public Object getResource(Object key) {
    return null;
  }

  @Override
  public void setRollbackOnly() {
    status = Status.STATUS_MARKED_ROLLBACK;
  }

  @Override
  public boolean getRollbackOnly() {
    return status == Status.STATUS_MARKED_ROLLBACK;
  }

  private final class AfterSuccess<T> implements Event<T> {
    private final Consumer<? super T> observer;

    AfterSuccess(Consumer<? super T> observer) {
      this.observer = observer;
    }

    @Override
    public void fire(T event) {
      if (status == Status.STATUS_NO_TRANSACTION) {
        observer.accept(event);
      } else if (status == Status.STATUS_ACTIVE) {
        registerInterposedSynchronization(new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int outcome) {
            if (outcome == Status.STATUS_COMMITTED) {
              observer.accept(event);
            }
          }
        });
      } // else marked for rollback: an after-success observer is skipped
    }

    // Like AdminFakes.Events: every path of the interface delivers, none throws, so a service that fires another
    // way than fire(T) is still observed after success.
    @Override
    public <U extends T> CompletionStage<U> fireAsync(U event) {
      fire(event);
      return CompletableFuture.completedFuture(event);
    }

    @Override
    public <U extends T> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
      return fireAsync(event);
    }

    @Override
    public Event<T> select(Annotation... qualifiers) {
      return this;
    }

    @Override
    public <U extends T> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
      return narrowed();
    }

    @Override
    public <U extends T> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
      return narrowed();
    }

    /** This event as one of a subtype: what is fired through it is a T, so its observer takes it. */
    @SuppressWarnings("unchecked")
    private <U extends T> Event<U> narrowed() {
      return (Event<U>) (Event<?>) this;
    }
  }
}
