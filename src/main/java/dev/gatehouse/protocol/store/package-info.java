/**
 * The storage ports of the protocol, one per concern, and the immutable records they carry.
 *
 * <p><b>Rule:</b> the protocol owns these interfaces and the persistence layer implements them. Codes and tokens are
 * stored and looked up only by their SHA-256 hash ({@code TokenHash}), never by value. Single use is atomic inside the
 * store ({@link dev.gatehouse.protocol.store.AuthorizationCodeStore#consume}, {@link
 * dev.gatehouse.protocol.store.RefreshTokenStore#markRotated}) and so is revocation ({@link
 * dev.gatehouse.protocol.store.AccessTokenStore#revoke}): a conditional {@code UPDATE} whose affected-row count
 * decides, never read-check-write. Implementations hold no protocol rules and never begin or commit transactions; the
 * application layer does. {@link dev.gatehouse.protocol.store.GrantStore#holdActive} is the one lock shared by a
 * refresh and a revocation of the same grant: both take it before they touch any token row. {@link
 * dev.gatehouse.protocol.store.UserDirectory} is read-only and serves introspection and UserInfo; {@link
 * dev.gatehouse.protocol.store.UserStore} adds the reads and writes of {@link dev.gatehouse.protocol.store.UserAccount}
 * records that sign-in, the directory and the administration use.
 *
 * <p>The application layer's other stores are ports here too, plain Java with records in and out, so that no
 * application class sees an entity or a JPA class: {@link dev.gatehouse.protocol.store.ClientRegistry} (clients
 * written), {@link dev.gatehouse.protocol.store.ClientRegistrations} (RFC 7592, its row lock on the port), {@link
 * dev.gatehouse.protocol.store.GrantTokens} (bulk revocation, grants locked before tokens), {@link
 * dev.gatehouse.protocol.store.AdministrationStore} (the administration's paged reads), {@link
 * dev.gatehouse.protocol.store.AuditEventStore} and {@link dev.gatehouse.protocol.store.PurgeStore}. Where atomicity
 * matters the port names the lock or the conditional update, so a caller never reads, checks and writes on its own.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-10.5">RFC 6749 §10.5 (authorization codes)</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9700#section-4.14.2">RFC 9700 §4.14.2 (refresh tokens)</a>
 */
package dev.gatehouse.protocol.store;
