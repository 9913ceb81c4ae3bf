package dev.gatehouse.protocol.request;

import dev.gatehouse.protocol.error.OAuthErrorCode;
import dev.gatehouse.protocol.error.OAuthException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable view of a multi-valued request parameter map (query string or form body).
 *
 * <p>RFC 6749 §3.1: "Parameters sent without a value MUST be treated as if they were omitted from the request." Empty
 * values are therefore dropped when the view is built, and a name whose every value was empty is absent. {@link
 * #toString()} lists names only, never values, because values include codes, tokens and secrets.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-3.1">RFC 6749 §3.1</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-3.2">RFC 6749 §3.2</a>
 */
public final class Parameters {
  private static final Parameters EMPTY = new Parameters(Map.of());

  private final Map<String, List<String>> values;

  private Parameters(Map<String, List<String>> values) {
    this.values = values;
  }

  /** A defensive, immutable copy of {@code raw}; null and empty values are dropped. */
  public static Parameters of(Map<String, List<String>> raw) {
    Objects.requireNonNull(raw, "raw");
    Map<String, List<String>> copy = new LinkedHashMap<>();
    raw.forEach(
        (name, list) -> {
          if (name == null || list == null) {
            return;
          }
          List<String> kept = new ArrayList<>(list.size());
          for (String value : list) {
            if (value != null && !value.isEmpty()) {
              kept.add(value);
            }
          }
          if (!kept.isEmpty()) {
            copy.merge(name, List.copyOf(kept), Parameters::concat);
          }
        });
    return copy.isEmpty() ? EMPTY : new Parameters(Collections.unmodifiableMap(copy));
  }

  /** A view without any parameter. */
  public static Parameters empty() {
    return EMPTY;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return List.copyOf(all);
  }

  /**
   * The one value of {@code name}, or empty when it is absent.
   *
   * @throws OAuthException {@code invalid_request} when the parameter occurs more than once
   */
  public Optional<String> single(String name) {
    List<String> found = all(name);
    // RFC 6749 §3.1: "Request and response parameters MUST NOT be included more than once."
    if (found.size() > 1) {
      throw new OAuthException(
          OAuthErrorCode.INVALID_REQUEST,
          "The " + name + " parameter is repeated.",
          "parameter " + name + " occurs " + found.size() + " times");
    }
    return found.stream().findFirst();
  }

  /**
   * The one value of {@code name}.
   *
   * @throws OAuthException {@code invalid_request} when the parameter is missing or repeated
   */
  public String required(String name) {
    return single(name)
        .orElseThrow(
            () ->
                new OAuthException(
                    OAuthErrorCode.INVALID_REQUEST,
                    "The " + name + " parameter is missing.",
                    "parameter " + name + " is missing"));
  }

  /** True when {@code name} has at least one non-empty value. */
  public boolean has(String name) {
    return values.containsKey(name);
  }

  /** The names that have at least one non-empty value, in arrival order. */
  public Set<String> names() {
    return values.keySet();
  }

  /**
   * A view with only the parameters named in {@code accepted}; the others are dropped, repeated or not (RFC 6749 §3.2:
   * "The authorization server MUST ignore unrecognized request parameters.").
   */
  public Parameters only(Set<String> accepted) {
    Map<String, List<String>> kept = new LinkedHashMap<>(values);
    kept.keySet().retainAll(accepted);
    return kept.isEmpty() ? EMPTY : new Parameters(Collections.unmodifiableMap(kept));
  }

  /** Every non-empty value of {@code name}, in arrival order; empty when absent. */
  public List<String> all(String name) {
    return values.getOrDefault(name, List.of());
  }

  /** Lists the parameter names only; values may be secrets. */
  @Override
  public String toString() {
    return "Parameters" + values.keySet();
  }
}
