/**
 * Registered clients and client authentication at the token endpoint.
 *
 * <p><b>Rule:</b> a client authenticates with exactly the one method it registered; secrets are stored only as
 * {@code sha256:} hashes and compared in constant time; every failure, including an unknown {@code client_id}, is the
 * same {@code invalid_client} and takes the same work, so responses do not reveal which client identifiers exist.
 * PKCE and grant checks do not live here: they belong to the grant handlers. A registration, however it arrives
 * (bootstrap file, administration, RFC 7591), is checked by the one {@link
 * dev.gatehouse.protocol.client.ClientMetadataRules}, which reports every bad field at once.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-2.3.1">RFC 6749 §2.3.1</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7591#section-2">RFC 7591 §2 (token_endpoint_auth_method)</a>
 */
package dev.gatehouse.protocol.client;
