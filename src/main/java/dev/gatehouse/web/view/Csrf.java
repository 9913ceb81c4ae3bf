package dev.gatehouse.web.view;

import dev.gatehouse.protocol.session.SsoSession;
import dev.gatehouse.protocol.support.ConstantTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.AbstractMap;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * CSRF protection for every form Gatehouse shows (sign-in, consent, logout, the admin console), without server state:
 * the browser holds a random key in the cookie {@value #COOKIE} (256 bits, HttpOnly, see {@link BrowserCookies}), and
 * each form carries a token that is the HMAC-SHA256 under that key of the form's action path and the SSO session it
 * was shown in. A post is accepted only with the token of its own action, for the session that is signed in now.
 *
 * <ul>
 *   <li><b>Bound to the form.</b> One token per session for every form let markup injected into one page (a client
 *       name on the consent page) carry the page's token to another form (the console's "new user"). Here the
 *       consent page's token is worth nothing at {@code /admin/users/new}, and the reverse.</li>
 *   <li><b>Bound to the session.</b> A token shown to one user is refused once another user signed in in that
 *       browser; a consent page shown before is then answered "expired" rather than on the new user's behalf.</li>
 *   <li><b>Rotated at sign-in.</b> {@link #rotate} gives the browser a new key whenever someone signs in, so a token
 *       seen before the sign-in (in a page's source, a proxy's log) is refused after it.</li>
 *   <li><b>No server state.</b> An anonymous visitor's sign-in page creates nothing on the server (the pending
 *       authorization request is sealed too: {@code SealedRequests}), so no number of visitors fills its memory; and
 *       any node of a cluster checks any token without sticky sessions.</li>
 * </ul>
 * SameSite=Lax on the key cookie is a second layer: a cross-site form post does not even carry it.
 */
@ApplicationScoped
public class Csrf {
  public static final String FIELD = "csrf";
  static final String COOKIE = "GATEHOUSE_CSRF";
  /** The request attribute that pages read tokens from: {@code ${csrf['/consent']}}. */
  static final String TOKENS = "csrf";
  private static final String KEY_IN_FORCE = "gatehouse.csrf.key";
  private static final Pattern KEY_FORMAT = Pattern.compile("[A-Za-z0-9_-]{43}");
  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject BrowserCookies cookies;
  @Inject SsoCookies sso;

  /**
   * Makes the tokens of this browser's forms available to the page as {@code ${csrf[action]}}, where {@code action}
   * is the form's path under the context (e.g. {@code /consent}); gives the browser a key first if it has none.
   */
  public void offer(HttpServletRequest request, HttpServletResponse response) {
    String key = keyInForce(request).orElseGet(() -> issue(request, response));
    String session = sessionOf(request);
    request.setAttribute(TOKENS, new Tokens(key, session));
  }

  /** Whether {@code sent} (the values of the form's {@value #FIELD} field) is the token of {@code action}. */
  public boolean valid(HttpServletRequest request, String action, List<String> sent) {
    if (sent.size() != 1) {
      return false;
    }
    String session = sessionOf(request);
    for (String key : BrowserCookies.values(request, COOKIE)) {
      if (KEY_FORMAT.matcher(key).matches() && ConstantTime.equals(sent.get(0), token(key, action, session))) {
        return true;
      }
    }
    return false;
  }

  /** {@link #valid(HttpServletRequest, String, List)} for a form the container parsed. */
  public boolean valid(HttpServletRequest request, String action) {
    String[] sent = request.getParameterValues(FIELD);
    return valid(request, action, sent == null ? List.of() : List.of(sent));
  }

  /** At sign-in: a new key, so that no token from before the sign-in is accepted after it. */
  public void rotate(HttpServletRequest request, HttpServletResponse response) {
    issue(request, response);
  }

  private String issue(HttpServletRequest request, HttpServletResponse response) {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String key = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    response.addCookie(cookies.make(request, COOKIE, key, -1));
    request.setAttribute(KEY_IN_FORCE, key);
    return key;
  }

  /** The key this response's forms use: one issued during this request, else the first well-formed one sent. */
  private static Optional<String> keyInForce(HttpServletRequest request) {
    if (request.getAttribute(KEY_IN_FORCE) instanceof String issued) {
      return Optional.of(issued);
    }
    return BrowserCookies.values(request, COOKIE).stream().filter(k -> KEY_FORMAT.matcher(k).matches()).findFirst();
  }

  private String sessionOf(HttpServletRequest request) {
    return sso.current(request).map(SsoSession::sid).orElse("");
  }

  static String token(String key, String action, String session) {
    try {
      Mac hmac = Mac.getInstance("HmacSHA256");
      hmac.init(new SecretKeySpec(Base64.getUrlDecoder().decode(key), "HmacSHA256"));
      byte[] mac = hmac.doFinal(("gatehouse csrf v1\n" + action + "\n" + session).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(mac);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }

  /** The page's view of its tokens: {@code get(action)} is that form's token. */
  static final class Tokens extends AbstractMap<String, String> {
    private final String key;
    private final String session;

    Tokens(String key, String session) {
      this.key = key;
      this.session = session;
    }

    /** The token of the form that posts to {@code action}: its path; a query string in it is not part of it. */
    @Override
    public String get(Object action) {
      if (!(action instanceof String target)) {
        return null;
      }
      int query = target.indexOf('?');
      return token(key, query < 0 ? target : target.substring(0, query), session);
    }

    @Override
    public boolean containsKey(Object action) {
      return action instanceof String;
    }

    @Override
    public boolean isEmpty() {
      return false;
    }

    @Override
    public Set<Map.Entry<String, String>> entrySet() {
      return Set.of(); // tokens are made on demand, per action; there is nothing to list
    }
  }
}
