package dev.gatehouse.web.view;

import dev.gatehouse.protocol.support.RandomTokens;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Authorization requests waiting for sign-in or consent, parked in the session under a random id. Only the raw
 * parameters are kept: the request is validated again when it resumes, so a client changed meanwhile is honoured.
 * At most {@link #MAX_PER_SESSION} per session; each lives {@link #LIFETIME}.
 */
final class PendingAuthorizations {
  static final int MAX_PER_SESSION = 16;
  static final Duration LIFETIME = Duration.ofMinutes(15);
  private static final String ATTRIBUTE = "gatehouse.pending";

  /** One parked request: its parameters and when it first arrived (for {@code prompt=login}). */
  record Pending(Map<String, List<String>> parameters, long createdMillis) implements Serializable {
    Instant created() {
      return Instant.ofEpochMilli(createdMillis);
    }
  }

  private PendingAuthorizations() {}

  static String park(HttpServletRequest request, Map<String, List<String>> parameters, Instant created) {
    HttpSession session = request.getSession(true);
    LinkedHashMap<String, Pending> all = all(session);
    all.values().removeIf(p -> p.created().plus(LIFETIME).isBefore(Instant.now()));
    while (all.size() >= MAX_PER_SESSION) {
      all.remove(all.keySet().iterator().next());
    }
    String id = RandomTokens.generate();
    Map<String, List<String>> copy = new LinkedHashMap<>();
    parameters.forEach((k, v) -> copy.put(k, new ArrayList<>(v)));
    all.put(id, new Pending(copy, created.toEpochMilli()));
    session.setAttribute(ATTRIBUTE, all);
    return id;
  }

  static Optional<Pending> find(HttpServletRequest request, String id) {
    HttpSession session = request.getSession(false);
    if (session == null || id == null) {
      return Optional.empty();
    }
    Pending pending = all(session).get(id);
    if (pending == null || pending.created().plus(LIFETIME).isBefore(Instant.now())) {
      return Optional.empty();
    }
    return Optional.of(pending);
  }

  static void remove(HttpServletRequest request, String id) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      LinkedHashMap<String, Pending> all = all(session);
      all.remove(id);
      session.setAttribute(ATTRIBUTE, all);
    }
  }

  @SuppressWarnings("unchecked")
  private static LinkedHashMap<String, Pending> all(HttpSession session) {
    Object value = session.getAttribute(ATTRIBUTE);
    return value instanceof LinkedHashMap<?, ?> map ? (LinkedHashMap<String, Pending>) map : new LinkedHashMap<>();
  }
}
