/**
 * Application services: the {@code @Stateless} EJBs that are the ONLY transaction boundary (Eclipse Cargo Tracker's
 * {@code application} layer).
 *
 * <p>Rules: services coordinate, they hold no protocol rules (those are in {@code dev.gatehouse.protocol}); every
 * {@code @TransactionAttribute} in Gatehouse is in this package; code redemption and token issuance run in one
 * REQUIRED transaction ({@link dev.gatehouse.application.TokenService}); a replay's revocation runs in a second
 * transaction after the first has rolled back ({@link dev.gatehouse.application.TokenEndpoint}), so it survives that
 * rollback and no request ever holds two pooled connections at once. (ARCHITECTURE.md suggests REQUIRES_NEW inside
 * the first transaction; that needs a second connection while the first is held, which under load can starve the
 * pool.) {@link dev.gatehouse.application.ProtocolProducers} wires the protocol objects to their ports, and
 * {@link dev.gatehouse.application.SigningKeys} keeps this node's signing keys: it creates the first ones, rotates them
 * on a timer, caches them decrypted, and is what {@code @Inject JwtSigner} signs with.
 */
package dev.gatehouse.application;
