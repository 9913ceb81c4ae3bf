/**
 * Application services by feature ({@code oauth}, {@code signin}, {@code session}, {@code registration}, {@code
 * admin}, {@code audit}, {@code keys}, {@code lifecycle}): the {@code @Stateless} and {@code @Singleton} EJBs that are
 * the ONLY transaction boundary (Eclipse Cargo Tracker's {@code application} layer).
 *
 * <p>Rules: services coordinate, they hold no protocol rules (those are in {@code dev.gatehouse.protocol}); every
 * {@code @TransactionAttribute} in Gatehouse is in these packages ({@code dev.gatehouse.ArchitectureTest} checks it);
 * code redemption and token issuance run in one REQUIRED transaction ({@link
 * dev.gatehouse.application.oauth.TokenService}); a replay's revocation runs in a second transaction after the first
 * has rolled back ({@link dev.gatehouse.application.oauth.TokenEndpoint}), so it survives that rollback and no request
 * ever holds two pooled connections at once. (ARCHITECTURE.md suggests REQUIRES_NEW inside the first transaction; that
 * needs a second connection while the first is held, which under load can starve the pool.) Services reach storage
 * through the ports of {@code protocol.store} and the outside world through {@code dev.gatehouse.infrastructure}.
 *
 * <p><b>After-commit work has one mechanism: a CDI transactional observer</b> (CDI 4.0 §10.5). Code inside a
 * transaction fires a small event record with {@code Event<T>.fire}, and an observer declared with
 * {@code @Observes(during = TransactionPhase.AFTER_SUCCESS)} does the work once that transaction has committed, on
 * the committing thread, before the request answers; after a rollback it is skipped; with no transaction running it is
 * called at once; in a transaction already marked for rollback it is skipped. Use {@code AFTER_COMPLETION} only
 * where a rollback must be handled too (nothing needs that today), and never register a
 * {@code jakarta.transaction.Synchronization} by hand. Where order matters, one observer does the steps in order.
 * The events and their observers: {@link dev.gatehouse.application.audit.AuditRecorded} → {@link
 * dev.gatehouse.application.audit.AuditTrail} writes the audit log lines of the rows that committed; {@link
 * dev.gatehouse.infrastructure.cache.CacheEntriesChanged} → {@link dev.gatehouse.infrastructure.cache.CacheInvalidation} clears this
 * node's caches, then tells the peers; {@link dev.gatehouse.application.session.LogoutAfterCommit.SessionsEnded} → {@link
 * dev.gatehouse.application.session.LogoutAfterCommit} sends the back-channel logout notifications of ended sessions.
 *
 * <p>One road to the same guarantee is not an observer: {@link dev.gatehouse.application.session.UserLogout}, a
 * {@code NOT_SUPPORTED} service, calls the REQUIRED {@code SessionService.logout}, whose transaction has committed
 * when the call returns (a rollback arrives as an exception), and only then sends that logout's notifications and
 * waits for them, up to {@code GATEHOUSE_LOGOUT_WAIT}. A wait of seconds does not belong inside a commit's completion
 * callbacks, where the transaction's pooled connection may still be held; its documentation says more.
 */
package dev.gatehouse.application;
