package dev.gatehouse.protocol.authorize;

import dev.gatehouse.protocol.error.OAuthErrorCode;
import dev.gatehouse.protocol.error.OAuthException;
import dev.gatehouse.protocol.support.Seal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An authorization request waiting for sign-in or consent, carried by the browser instead of kept in server memory:
 * the parameters the flow reads, and when the request arrived, sealed into a compact JWE ({@code dir}, {@code A256GCM};
 * RFC 7516) under a key of the server's (derived from the key-encryption key, so every node of a cluster opens what
 * another sealed, without sticky sessions).
 *
 * <p>Why not the HTTP session: a request without a signed-in user would otherwise create server state for anyone who
 * asks, and copy what they sent into it (before: every raw parameter, about 25 KB, kept 30 minutes, no cap). Sealed,
 * an anonymous request costs nothing after its answer, whatever the number of requests. What is kept is bounded here:
 * only {@link #KEPT} names, each value at most {@link #MAX_VALUE} characters and all of them at most {@link #MAX_TOTAL};
 * a larger request is refused ({@code invalid_request}) rather than parked. Authenticated encryption means the
 * browser can neither read (an {@code id_token_hint} is personal data) nor change what it carries, including the
 * arrival time that {@code prompt=login} and {@code max_age} depend on. A sealed request opens for {@link #LIFETIME};
 * the request is validated again in full when it resumes, so a client changed meanwhile is honoured.
 *
 * <p>A sealed request may be opened more than once: that is what re-sending the authorization request would do, and
 * the pages that post it back carry CSRF tokens of their own.
 */
public final class SealedRequests {
  /** The authorization request parameters the flow reads (RFC 6749 §4.1.1, RFC 7636 §4.3, OIDC Core §3.1.2.1). */
  public static final Set<String> KEPT = Set.of("response_type", "client_id", "redirect_uri", "scope", "state",
      "code_challenge", "code_challenge_method", "nonce", "prompt", "max_age", "login_hint", "ui_locales",
      "id_token_hint", "response_mode", "resource");
  /** The longest value kept: an {@code id_token_hint} is the longest a client sends. */
  public static final int MAX_VALUE = 2048;
  /** All kept values together: the sealed request stays below 4.5 KB, well inside any server's URL limit. */
  public static final int MAX_TOTAL = 3072;
  /** How long a sealed request may wait for the user. */
  public static final Duration LIFETIME = Duration.ofMinutes(15);

  private static final String TYPE = "gatehouse-pending+jwt";
  private static final String PARAMETERS = "p";

  /** A request opened again: its parameters, and when it first arrived. */
  public record Pending(Map<String, List<String>> parameters, Instant arrived) {
    public Pending {
      Map<String, List<String>> copy = new LinkedHashMap<>();
      parameters.forEach((k, v) -> copy.put(k, List.copyOf(v)));
      parameters = Map.copyOf(copy);
      Objects.requireNonNull(arrived, "arrived");
    }
  }

  private final Seal seal;

  /** {@code key}: 32 bytes, the same on every node. */
  public SealedRequests(byte[] key, Clock clock) {
    this.seal = new Seal(key, TYPE, LIFETIME, clock);
  }

  /**
   * Seals the kept parameters of {@code raw}, which arrived at {@code arrived}.
   *
   * @throws OAuthException {@code invalid_request} when the kept values are longer than the limits
   */
  public String seal(Map<String, List<String>> raw, Instant arrived) {
    Map<String, Object> kept = new LinkedHashMap<>();
    int total = 0;
    for (Map.Entry<String, List<String>> entry : raw.entrySet()) {
      if (!KEPT.contains(entry.getKey()) || entry.getValue() == null) {
        continue;
      }
      List<String> values = new ArrayList<>();
      for (String value : entry.getValue()) {
        if (value == null) {
          continue;
        }
        total += value.length();
        if (value.length() > MAX_VALUE || total > MAX_TOTAL) {
          throw new OAuthException(OAuthErrorCode.INVALID_REQUEST, "The authorization request is too large.",
              "authorization request values exceed " + MAX_VALUE + " characters each or " + MAX_TOTAL + " in all");
        }
        values.add(value);
      }
      kept.put(entry.getKey(), values);
    }
    return seal.close(Map.of(PARAMETERS, kept), arrived);
  }

  /**
   * The request sealed in {@code sealed}, or empty when it is not one of this server's, was changed, or is older than
   * {@link #LIFETIME}.
   */
  public Optional<Pending> open(String sealed) {
    Optional<Seal.Opened> opened = seal.open(sealed);
    if (opened.isEmpty() || !(opened.get().content().get(PARAMETERS) instanceof Map<?, ?> kept)) {
      return Optional.empty();
    }
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    for (Map.Entry<?, ?> entry : kept.entrySet()) {
      if (!(entry.getKey() instanceof String name) || !KEPT.contains(name)
          || !(entry.getValue() instanceof List<?> values)) {
        return Optional.empty();
      }
      List<String> strings = new ArrayList<>();
      for (Object value : values) {
        if (!(value instanceof String s)) {
          return Optional.empty();
        }
        strings.add(s);
      }
      parameters.put(name, strings);
    }
    return Optional.of(new Pending(parameters, opened.get().sealedAt()));
  }
}
