/**
 * Persistence adapters: JPA (EclipseLink) entities and the stores that implement the protocol's storage ports, plus
 * the data source, the Flyway migrations and the table prefix.
 *
 * <p>Rules: stores map rows to protocol records and back, and hold no protocol rules; they never begin or commit a
 * transaction (the application layer does); single use is a conditional {@code UPDATE} whose affected-row count
 * decides, never read-check-write; tokens, codes and secrets are looked up by their SHA-256 hash in one indexed
 * column; times are epoch milliseconds. Entities expose plain fields and are not woven; there is no shared cache,
 * because another node may have consumed, rotated or revoked a row. Only this package sees the entities
 * ({@code dev.gatehouse.ArchitectureTest}).
 */
package dev.gatehouse.infrastructure.persistence;
