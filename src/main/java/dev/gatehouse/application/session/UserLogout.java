package dev.gatehouse.application.session;

import dev.gatehouse.infrastructure.config.GatehouseConfig;
import dev.gatehouse.protocol.logout.LogoutWait;
import dev.gatehouse.protocol.session.SsoSession;
import dev.gatehouse.protocol.store.LogoutDeliveryStore.LogoutDelivery;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;

/**
 * RP-initiated logout (OpenID Connect RP-Initiated Logout 1.0 §2), finished before the browser hears of it: ends the
 * session, then sends the back-channel notifications that ending queued (Back-Channel Logout 1.0 §2.5) and waits for
 * them, up to {@code GATEHOUSE_LOGOUT_WAIT} in all ({@link LogoutWait}), so that a user who goes straight from the
 * post-logout page to another relying party finds its session gone there too. What has not answered by the bound
 * stays with its sender and the outbox's retries ({@link BackchannelLogout#deliverAndWait}).
 *
 * <p><b>After the commit, without an observer.</b> Gatehouse's after-commit work is a transactional observer ({@link
 * dev.gatehouse.application}); this is the same guarantee by another road, on purpose. This method runs with no
 * transaction ({@code NOT_SUPPORTED}; one of a caller is suspended), so its call to {@link SessionService#logout},
 * REQUIRED, starts that logout's own transaction and commits it before it returns; a rollback reaches this method as
 * an exception, and nothing is sent: exactly {@code AFTER_SUCCESS}. An {@code AFTER_SUCCESS} observer would wait
 * inside the commit's completion instead, before the EJB call returns, while the container may still hold the
 * transaction's pooled connection (JTA runs interposed callbacks, such as CDI's, before those registered on the
 * transaction, where pools hand connections back); here the connection is back in the pool before the wait starts.
 * {@code UserLogoutTest} checks the attributes this rests on.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class UserLogout {

  @Inject SessionService sessions;
  @Inject BackchannelLogout backchannel;
  @Inject GatehouseConfig config;
  @Inject Clock clock;

  /**
   * Ends the session {@code sid} as the user's own logout and returns once its notifications are answered, failed,
   * or the bound has passed. Returns the ended session, or empty when it had already ended (then nothing waits).
   */
  public Optional<SsoSession> logout(String sid) {
    Optional<SessionService.Ended> ended = sessions.logout(sid); // committed when this returns
    ended.ifPresent(e -> {
      LogoutWait wait = LogoutWait.start(e.notifications().stream().map(LogoutDelivery::id).toList(),
          config.logoutWait(), clock);
      if (wait.needed()) {
        backchannel.deliverAndWait(e.notifications(), wait);
      } else if (!e.notifications().isEmpty()) {
        backchannel.deliverSoon(); // GATEHOUSE_LOGOUT_WAIT=PT0S: sent without making the user wait
      }
    });
    return ended.map(SessionService.Ended::session);
  }
}
