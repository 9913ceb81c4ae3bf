package dev.gatehouse.protocol.authorize;

import dev.gatehouse.protocol.client.Client;
import java.util.Objects;
import java.util.Optional;

/**
 * The first step of authorization request validation: a known client and a redirect URI that is exactly one of its
 * registered URIs. From here on, errors may be redirected to {@code redirectUri}, echoing {@code state}.
 *
 * @param redirectUri the effective redirect URI (the one sent, or the sole registered one)
 * @param redirectUriSent whether the request carried {@code redirect_uri} (then the token request must repeat it)
 * @param state {@code state} if it was sent exactly once, read leniently so that error redirects can echo it
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-3.1.2.3">RFC 6749 §3.1.2.3</a>
 */
public record RedirectTarget(Client client, String redirectUri, boolean redirectUriSent, Optional<String> state) {
  public RedirectTarget {
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(redirectUri, "redirectUri");
    Objects.requireNonNull(state, "state");
  }
}
