package dev.gatehouse.protocol.authorize;

import dev.gatehouse.protocol.client.Client;
import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A fully validated authorization request, ready for login, consent and code issuance.
 *
 * @param redirectUri the effective redirect URI
 * @param redirectUriSent whether {@code redirect_uri} was sent (then it is bound to the code)
 * @param scopes the requested scopes, already within the client's registered scopes
 * @param codeChallenge the S256 challenge, if any
 * @param prompt the OpenID Connect {@code prompt} values
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-4.1.1">RFC 6749 §4.1.1</a>
 */
public record ValidatedAuthorization(
    Client client,
    String redirectUri,
    boolean redirectUriSent,
    Set<String> scopes,
    Optional<String> state,
    Optional<String> codeChallenge,
    Optional<String> nonce,
    Set<String> prompt) {

  public ValidatedAuthorization {
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(redirectUri, "redirectUri");
    scopes = Collections.unmodifiableSortedSet(new TreeSet<>(scopes));
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(codeChallenge, "codeChallenge");
    Objects.requireNonNull(nonce, "nonce");
    prompt = Collections.unmodifiableSortedSet(new TreeSet<>(prompt));
  }
}
