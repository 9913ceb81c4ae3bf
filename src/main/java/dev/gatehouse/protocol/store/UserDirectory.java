package dev.gatehouse.protocol.store;

import dev.gatehouse.protocol.oidc.UserClaims;
import java.util.Optional;

/**
 * Looks up the human-readable name of a resource owner, for the {@code username} member of an introspection response.
 *
 * <p>RFC 7662 §2.2: username "OPTIONAL. Human-readable identifier for the resource owner who authorized this token."
 * The subject stays the stable identifier; the username is display information and may change.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7662#section-2.2">RFC 7662 §2.2</a>
 */
public interface UserDirectory {
  /** The username of the resource owner whose subject identifier is {@code subject}, or empty when unknown. */
  Optional<String> username(String subject);

  /** The OpenID Connect claims of the user whose subject identifier is {@code subject}, or empty when unknown. */
  Optional<UserClaims> claims(String subject);
}
