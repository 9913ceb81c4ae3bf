/**
 * Application services: the {@code @Stateless} EJBs that are the ONLY transaction boundary (Eclipse Cargo Tracker's
 * {@code application} layer).
 *
 * <p>Rules: services coordinate, they hold no protocol rules (those are in {@code dev.gatehouse.protocol}); every
 * {@code @TransactionAttribute} in Gatehouse is in this package; code redemption and token issuance run in one
 * REQUIRED transaction ({@link dev.gatehouse.application.TokenService}); replay revocation runs in REQUIRES_NEW
 * ({@link dev.gatehouse.application.GrantRevocationService}) so it survives the rollback of the request that detected
 * the replay. {@link dev.gatehouse.application.ProtocolProducers} wires the protocol objects to their ports.
 */
package dev.gatehouse.application;
