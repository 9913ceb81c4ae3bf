package dev.gatehouse.web.view.admin;

import dev.gatehouse.application.keys.SigningKeys;
import dev.gatehouse.protocol.support.Seal;
import dev.gatehouse.web.view.BrowserCookies;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a change hands to the page its redirect leads to (POST-redirect-GET): a notice, and a secret that must be
 * shown exactly once. Both travel in one cookie, {@value #COOKIE}, sealed ({@link Seal}: encrypted and authenticated
 * under a key derived from the key-encryption key, so the browser can neither read the secret nor forge a notice,
 * and any node of a cluster opens it), made like every Gatehouse cookie ({@link BrowserCookies}) with the path of the
 * console only and a life of {@link #LIFETIME}. The note is bound to the administrator who left it, and removed from
 * the browser by the page that shows it, so reloading that page, or coming back to it, no longer shows it.
 *
 * <p>Why not the HTTP session, as before: nothing of the console is then kept in server memory, and the container's
 * session cookie, whose {@code SameSite} Payara 6 does not let an application set, is never issued.
 * {@link ConsoleFilter} opens the incoming note ({@link #begin}) before the console's servlets run; they use the
 * static methods.
 */
@ApplicationScoped
public class Flash {
  static final String COOKIE = "GATEHOUSE_CONSOLE_NOTE";
  static final Duration LIFETIME = Duration.ofMinutes(2);
  private static final String TYPE = "gatehouse-console-note+jwt";
  private static final String ATTRIBUTE = Flash.class.getName();
  /** The console's pages, and no other (RFC 6265 §5.1.4: not {@code /administrator}, say). */
  private static final String PATH = "/admin";
  private static final String NOTICE = "n";
  private static final String CLIENT = "c";
  private static final String SECRET = "s";
  private static final String ADMINISTRATOR = "u";

  @Inject SigningKeys keys;
  @Inject Clock clock;
  @Inject BrowserCookies cookies;
  private Seal seal;

  @PostConstruct
  void init() {
    seal = new Seal(keys.derivedKey("console notes v1"), TYPE, LIFETIME, clock);
  }

  /** Opens the note this request brought, for the static methods below. */
  void begin(HttpServletRequest request, HttpServletResponse response) {
    List<String> values = BrowserCookies.values(request, COOKIE);
    Optional<Map<String, Object>> incoming = values.size() == 1
        ? seal.open(values.get(0)).map(Seal.Opened::content) : Optional.empty();
    request.setAttribute(ATTRIBUTE, new Exchange(this, request, response, incoming, !values.isEmpty()));
  }

  /** A message key the next page shows once, as a status message. */
  static void notice(HttpServletRequest request, String key) {
    exchange(request).ifPresent(x -> x.leave(key, null, null));
  }

  /** A notice, and a secret just made for a client, that the client's page shows once. */
  static void noticeWithSecret(HttpServletRequest request, String key, String clientId, String secret) {
    exchange(request).ifPresent(x -> x.leave(key, clientId, secret));
  }

  /** The notice left for this page, once: the note is removed from the browser by this answer. */
  static Optional<String> takeNotice(HttpServletRequest request) {
    return exchange(request).flatMap(Exchange::take).map(note -> note.get(NOTICE)).filter(String.class::isInstance)
        .map(String.class::cast);
  }

  /** The secret made for {@code clientId}, once: the note is removed from the browser by this answer. */
  static Optional<String> takeSecret(HttpServletRequest request, String clientId) {
    return exchange(request).flatMap(Exchange::take).filter(note -> clientId.equals(note.get(CLIENT)))
        .map(note -> note.get(SECRET)).filter(String.class::isInstance).map(String.class::cast);
  }

  private static Optional<Exchange> exchange(HttpServletRequest request) {
    return Optional.ofNullable((Exchange) request.getAttribute(ATTRIBUTE));
  }

  /** One request's note: the one it brought, and whether it left or removed one. */
  private static final class Exchange {
    private final Flash flash;
    private final HttpServletRequest request;
    private final HttpServletResponse response;
    private final Optional<Map<String, Object>> incoming;
    private boolean present;
    private boolean left;

    Exchange(Flash flash, HttpServletRequest request, HttpServletResponse response,
        Optional<Map<String, Object>> incoming, boolean present) {
      this.flash = flash;
      this.request = request;
      this.response = response;
      this.incoming = incoming;
      this.present = present;
    }

    void leave(String key, String clientId, String secret) {
      Map<String, Object> note = new LinkedHashMap<>();
      note.put(NOTICE, key);
      note.put(ADMINISTRATOR, administrator());
      if (clientId != null) {
        note.put(CLIENT, clientId);
        note.put(SECRET, secret);
      }
      response.addCookie(flash.cookies.make(request, COOKIE, flash.seal.close(note), -1, PATH));
      left = true;
    }

    /** The note for the administrator here now, removing it from the browser (once per answer). */
    Optional<Map<String, Object>> take() {
      Optional<Map<String, Object>> note = incoming.filter(n -> Objects.equals(administrator(), n.get(ADMINISTRATOR)));
      if (present && !left && (note.isPresent() || incoming.isEmpty())) {
        response.addCookie(flash.cookies.make(request, COOKIE, "", 0, PATH));
        present = false;
      }
      return note;
    }

    private String administrator() {
      return String.valueOf(request.getAttribute(ConsoleAccess.SUBJECT));
    }
  }
}
