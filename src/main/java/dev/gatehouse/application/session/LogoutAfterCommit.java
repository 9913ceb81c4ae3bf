package dev.gatehouse.application.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/**
 * Sends the back-channel logout notifications of sessions that an administrator ended, once the ending has committed
 * (the notifications are queued in its transaction: {@link SessionService#end}). A CDI transactional observer, so
 * every caller of the administration gets this without having to remember it; the retry timer of {@link
 * BackchannelLogout} would deliver them anyway, only later. The one after-commit mechanism of Gatehouse, described in
 * {@link dev.gatehouse.application}.
 */
@ApplicationScoped
public class LogoutAfterCommit {

  /** Fired in a transaction that ended sessions. */
  public record SessionsEnded(int count) {}

  @Inject BackchannelLogout backchannel;

  void sessionsEnded(@Observes(during = TransactionPhase.AFTER_SUCCESS) SessionsEnded event) {
    if (event.count() > 0) {
      backchannel.deliverSoon();
    }
  }
}
