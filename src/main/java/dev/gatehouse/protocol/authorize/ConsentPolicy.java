package dev.gatehouse.protocol.authorize;

import java.util.Optional;
import java.util.Set;

/**
 * Decides whether the resource owner must be asked for consent.
 *
 * <p>Consent is asked when the client requests a scope the owner has not granted it before, or when the client
 * explicitly asks with {@code prompt=consent}.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-10.2">RFC 6749 §10.2</a>
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#AuthRequest">OpenID Connect Core §3.1.2.1</a>
 */
public final class ConsentPolicy {
  private ConsentPolicy() {}

  /** True when {@code prompt} contains {@code consent} or {@code requested} is not within {@code alreadyGranted}. */
  public static boolean consentRequired(Set<String> requested, Set<String> alreadyGranted, Set<String> prompt) {
    return prompt.contains(Prompt.CONSENT) || !alreadyGranted.containsAll(requested);
  }

  /**
   * {@link #consentRequired(Set, Set, Set)}, and, for a client that registered itself (RFC 7591), also the first time
   * whatever it asks for (even no scope at all): the consent page is where the user first sees such a client and
   * where it leads, and without it a code would be sent to a self-registered redirect URI the user has never seen
   * (RFC 9700 §4.11.2). {@code consent} is the user's earlier answer to this client, if any.
   */
  public static boolean consentRequired(Set<String> requested, Optional<Set<String>> consent, Set<String> prompt,
      boolean clientRegisteredItself) {
    return consentRequired(requested, consent.orElse(Set.of()), prompt)
        || clientRegisteredItself && consent.isEmpty();
  }

  /**
   * {@link #consentRequired(Set, Optional, Set, boolean)}, except that a first-party client (one the operator
   * registered as its own application, never one that registered itself) needs the page only when it asks for it with
   * {@code prompt=consent}: Core §3.1.2.1, "The Authorization Server SHOULD prompt the End-User for consent before
   * returning information to the Client", which the operator has answered for its users. The scopes are still only
   * those the client registered (the validator refuses others).
   */
  public static boolean consentRequired(Set<String> requested, Optional<Set<String>> consent, Set<String> prompt,
      boolean clientRegisteredItself, boolean firstParty) {
    if (firstParty && !clientRegisteredItself) {
      return prompt.contains(Prompt.CONSENT);
    }
    return consentRequired(requested, consent, prompt, clientRegisteredItself);
  }

  /**
   * Whether issuing a code without the page grants consent implicitly: for a first-party client whose user has not
   * yet consented to every scope asked for (the page a third-party client would have shown).
   */
  public static boolean implicitConsent(Set<String> requested, Optional<Set<String>> consent, boolean firstParty) {
    return firstParty && !consent.orElse(Set.of()).containsAll(requested);
  }
}
