package dev.gatehouse.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.application.audit.AuditRecorded;
import dev.gatehouse.application.audit.AuditTrail;
import dev.gatehouse.application.session.LogoutAfterCommit;
import dev.gatehouse.infrastructure.cache.CacheEntriesChanged;
import dev.gatehouse.infrastructure.cache.CacheInvalidation;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import org.junit.jupiter.api.Test;

/**
 * After-commit work has one mechanism, the CDI transactional observer described in {@link dev.gatehouse.application}:
 * each observer of after-commit work waits for the commit. ({@code dev.gatehouse.ArchitectureTest} checks on the
 * bytecode that no class registers a JTA {@code Synchronization} of its own.)
 */
class AfterCommitMechanismTest {
  @Test
  void whenAnEventCarriesAfterCommitWork_thenItsObserverWaitsForTheCommit() throws NoSuchMethodException {
    assertObservedAfterSuccess(AuditTrail.class.getDeclaredMethod("written", AuditRecorded.class));
    assertObservedAfterSuccess(
        CacheInvalidation.class.getDeclaredMethod("committed", CacheEntriesChanged.class));
    assertObservedAfterSuccess(
        LogoutAfterCommit.class.getDeclaredMethod("sessionsEnded", LogoutAfterCommit.SessionsEnded.class));
  }

  private static void assertObservedAfterSuccess(Method observer) {
    Parameter event = observer.getParameters()[0];
    Observes observes = event.getAnnotation(Observes.class);
    assertTrue(observes != null, observer + " observes its event");
    assertEquals(TransactionPhase.AFTER_SUCCESS, observes.during(), observer.toString());
  }
}
