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
 */
package dev.gatehouse.application;
