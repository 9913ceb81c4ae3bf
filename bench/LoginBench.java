import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The sign-in client of bench/run.sh's {@code login} and {@code login-token} scenarios: many browsers at once, each
 * signing a user in the way a browser does, and the cost of one password verification. Single-file source, JDK only:
 * {@code java bench/LoginBench.java MODE key=value...}.
 *
 * <p>One sign-in is the authorization code flow's front channel (RFC 6749 §4.1.1–§4.1.2, PKCE S256 per RFC 7636
 * §4.2), every hop checked: {@code GET /oauth2/authorize} answered with a redirect to the sign-in page; {@code GET}
 * that page (the session cookie and the hidden {@code csrf} and {@code request} fields); {@code POST /login} with the
 * username and password, answered with a redirect to {@code /oauth2/authorize/resume}; {@code GET} that, answered with
 * the redirect to the client carrying {@code code} and the same {@code state}. With {@code redeem=true} the client
 * then redeems the code at {@code POST /oauth2/token} (RFC 6749 §4.1.3, with the verifier) and must get an access
 * token and an ID token. Each sign-in starts with no cookies (a browser that has never been here), so the server
 * always asks for the password and never takes a shortcut through an existing single sign-on session.
 *
 * <p>Consent: {@code prime} signs every user in once and answers Allow on the consent page, as a user does the first
 * time; after that the server finds the consent given (RFC 6749 §10.2) and redirects straight back, so a consent page
 * during {@code sign-in} is counted as an error, like every other unexpected answer. Any failed sign-in makes a run
 * invalid: a wrong password is also counted by the server's sign-in throttle against the account and the address,
 * and enough of them would lock the benchmark out.
 *
 * <p>Modes:
 * <ul>
 *   <li>{@code verify-cost hash=ENCODED password=P} times the verification of one stored hash (the
 *       {@code Pbkdf2PasswordHash} encoding {@code algorithm:iterations:salt:hash}, Base64) exactly as Jakarta
 *       Security's implementation does it, on one thread, and prints {@code algorithm iterations saltBytes keyBytes
 *       medianMs}. It fails if the password does not verify, so the time is that of a real check.
 *   <li>{@code prime base=URL users=N ...} signs each user in once, giving consent; exits 1 unless all succeeded.
 *   <li>{@code sign-in base=URL threads=C warmup=10s duration=20s redeem=false ...} runs C browsers for the warm-up,
 *       then for the duration, and prints {@code rate p50 p99 errors} (rate in sign-ins per second completed within
 *       the measured window; errors of the warm-up included) as its last line; the details go to standard error.
 *       A 429 (the server's sign-in capacity is taken: {@code GATEHOUSE_LOGIN_CONCURRENCY}) is waited out as its
 *       {@code Retry-After} says and the form posted again, as a person would; such waits are counted, not errors.
 *   <li>{@code flood base=URL threads=C duration=30s} is the attacker of issue 10: C clients, each with one sign-in
 *       page, post random usernames as fast as the server answers, ignoring every {@code Retry-After}, for the
 *       duration; prints {@code attempts 401s 429s others} as its last line. Run beside a wrk scenario, it shows what
 *       a sign-in flood costs the token endpoint.
 * </ul>
 * Common keys: {@code client}, {@code secret}, {@code redirect} (a registered redirect URI), {@code scope},
 * {@code user-prefix} (users are {@code <prefix>1} to {@code <prefix>N}), {@code users}, {@code password}.
 */
public final class LoginBench {
  private static final Pattern HIDDEN = Pattern.compile("name=\"(csrf|request)\" value=\"([^\"]*)\"");
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  /** How often a sign-in found the node's capacity taken and waited (429 with Retry-After). */
  static final AtomicInteger BUSY = new AtomicInteger();

  private LoginBench() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      System.err.println("usage: java bench/LoginBench.java verify-cost|prime|sign-in key=value...");
      System.exit(2);
    }
    Map<String, String> options = new TreeMap<>();
    for (int i = 1; i < args.length; i++) {
      int eq = args[i].indexOf('=');
      if (eq < 1) {
        throw new IllegalArgumentException("not key=value: " + args[i]);
      }
      options.put(args[i].substring(0, eq), args[i].substring(eq + 1));
    }
    switch (args[0]) {
      case "verify-cost" -> verifyCost(options.get("hash"), options.get("password"));
      case "prime" -> System.exit(prime(new Settings(options)) ? 0 : 1);
      case "sign-in" -> signIn(new Settings(options), Integer.parseInt(options.getOrDefault("threads", "8")),
          seconds(options.getOrDefault("warmup", "10s")), seconds(options.getOrDefault("duration", "20s")));
      case "flood" -> flood(new Settings(options), Integer.parseInt(options.getOrDefault("threads", "32")),
          seconds(options.getOrDefault("duration", "30s")));
      default -> throw new IllegalArgumentException("unknown mode " + args[0]);
    }
  }

  /** What every browser needs to know. */
  record Settings(URI base, String client, String secret, String redirect, String scope, String userPrefix,
      int users, String password, boolean redeem) {
    Settings(Map<String, String> o) {
      this(URI.create(o.getOrDefault("base", "http://127.0.0.1:8090")), o.getOrDefault("client", "bench-app"),
          o.get("secret"), o.getOrDefault("redirect", "http://127.0.0.1:9/cb"),
          o.getOrDefault("scope", "openid read"), o.getOrDefault("user-prefix", "bench-login-"),
          Integer.parseInt(o.getOrDefault("users", "200")), o.get("password"),
          Boolean.parseBoolean(o.getOrDefault("redeem", "false")));
    }

    String user(int n) {
      return userPrefix + (Math.floorMod(n, users) + 1);
    }
  }

  // ---- verify-cost ----

  /** The work of {@code Pbkdf2PasswordHashImpl.verify}: decode, derive with the stored parameters, compare. */
  static void verifyCost(String encoded, String password) throws Exception {
    String[] parts = encoded.split(":");
    if (parts.length != 4) {
      throw new IllegalArgumentException("not a Pbkdf2PasswordHash encoding (algorithm:iterations:salt:hash)");
    }
    String algorithm = parts[0];
    int iterations = Integer.parseInt(parts[1]);
    byte[] salt = Base64.getDecoder().decode(parts[2]);
    byte[] expected = Base64.getDecoder().decode(parts[3]);
    SecretKeyFactory factory = SecretKeyFactory.getInstance(algorithm);
    List<Long> nanos = new ArrayList<>();
    for (int i = 0; i < 15; i++) { // the first five warm the JIT up and are not kept
      long start = System.nanoTime();
      byte[] derived = factory.generateSecret(
          new PBEKeySpec(password.toCharArray(), salt, iterations, expected.length * 8)).getEncoded();
      long took = System.nanoTime() - start;
      if (!MessageDigest.isEqual(derived, expected)) {
        throw new IllegalStateException("the password does not verify against the stored hash");
      }
      if (i >= 5) {
        nanos.add(took);
      }
    }
    Collections.sort(nanos);
    System.out.printf("%s %d %d %d %.1f%n", algorithm, iterations, salt.length, expected.length,
        nanos.get(nanos.size() / 2) / 1e6);
  }

  // ---- prime ----

  static boolean prime(Settings settings) throws InterruptedException {
    AtomicInteger next = new AtomicInteger();
    AtomicInteger consents = new AtomicInteger();
    List<String> failures = Collections.synchronizedList(new ArrayList<>());
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      Browser browser = new Browser(settings);
      threads.add(start(() -> {
        for (int n; (n = next.getAndIncrement()) < settings.users(); ) {
          try {
            if (browser.signIn(settings.user(n), true)) {
              consents.incrementAndGet();
            }
          } catch (Exception e) {
            failures.add(settings.user(n) + ": " + describe(e));
          }
        }
      }));
    }
    for (Thread thread : threads) {
      thread.join();
    }
    System.err.printf("primed %d users: %d consents given, %d failed%s%n", settings.users(), consents.get(),
        failures.size(), failures.isEmpty() ? "" : " (first: " + failures.get(0) + ")");
    return failures.isEmpty();
  }

  // ---- sign-in ----

  static void signIn(Settings settings, int threads, Duration warmup, Duration duration)
      throws InterruptedException {
    long measureStart = System.nanoTime() + warmup.toNanos();
    long measureEnd = measureStart + duration.toNanos();
    AtomicInteger next = new AtomicInteger();
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    Map<String, Integer> errors = Collections.synchronizedMap(new TreeMap<>());
    Map<String, String> firstDetail = Collections.synchronizedMap(new TreeMap<>());
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Browser browser = new Browser(settings);
      workers.add(start(() -> {
        while (System.nanoTime() < measureEnd) {
          long start = System.nanoTime();
          try {
            browser.signIn(settings.user(next.getAndIncrement()), false);
            long end = System.nanoTime();
            if (end >= measureStart && end <= measureEnd) {
              latencies.add(end - start);
            }
          } catch (Exception e) {
            String kind = e instanceof Failure f ? f.step : e.getClass().getSimpleName();
            errors.merge(kind, 1, Integer::sum);
            firstDetail.putIfAbsent(kind, describe(e));
          }
        }
      }));
    }
    for (Thread worker : workers) {
      worker.join();
    }
    List<Long> sorted = new ArrayList<>(latencies);
    Collections.sort(sorted);
    int errorCount = errors.values().stream().mapToInt(Integer::intValue).sum();
    double rate = sorted.size() / (duration.toNanos() / 1e9);
    System.err.printf("sign-in: %d threads, %d completed in %ds (%.2f/s), redeem=%s, errors %d%s, waits for"
        + " capacity (429) %d%n", threads, sorted.size(), duration.toSeconds(), rate, settings.redeem(), errorCount,
        errors.isEmpty() ? "" : " " + errors + " first: " + firstDetail, BUSY.get());
    System.out.printf("%.2f %s %s %d%n", rate, wrkTime(percentile(sorted, 0.50)), wrkTime(percentile(sorted, 0.99)),
        errorCount);
  }

  // ---- flood ----

  static void flood(Settings settings, int threads, Duration duration) throws InterruptedException {
    long end = System.nanoTime() + duration.toNanos();
    Map<Integer, AtomicInteger> statuses = new java.util.concurrent.ConcurrentHashMap<>();
    AtomicInteger failures = new AtomicInteger();
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Browser browser = new Browser(settings);
      workers.add(start(() -> {
        try {
          Map<String, String> fields = browser.signInPage();
          while (System.nanoTime() < end) {
            fields.put("username", "flood-" + random(9));
            fields.put("password", "guess-" + random(6));
            HttpResponse<String> answer = browser.post(settings.base().resolve("/login"), fields, null);
            statuses.computeIfAbsent(answer.statusCode(), s -> new AtomicInteger()).incrementAndGet();
            if (answer.body().contains("name=\"csrf\"")) {
              fields = Browser.hiddenFields(answer, "flood");
            }
          }
        } catch (Exception e) {
          failures.incrementAndGet();
          System.err.println("flood client stopped: " + describe(e));
        }
      }));
    }
    for (Thread worker : workers) {
      worker.join();
    }
    int all = statuses.values().stream().mapToInt(AtomicInteger::get).sum();
    int refused = statuses.getOrDefault(401, new AtomicInteger()).get();
    int throttled = statuses.getOrDefault(429, new AtomicInteger()).get();
    System.err.printf("flood: %d clients, %d attempts in %ds, statuses %s, %d clients failed%n", threads, all,
        duration.toSeconds(), statuses, failures.get());
    System.out.printf("%d %d %d %d%n", all, refused, throttled, all - refused - throttled + failures.get());
  }

  private static String describe(Exception e) {
    return e.getMessage() != null ? e.getMessage() : e.toString();
  }

  private static Thread start(Runnable body) {
    Thread thread = new Thread(body);
    thread.start();
    return thread;
  }

  static long percentile(List<Long> sorted, double p) {
    return sorted.isEmpty() ? 0 : sorted.get((int) Math.max(0, Math.ceil(p * sorted.size()) - 1));
  }

  /** A duration the way wrk prints one, so that the result table reads alike. */
  static String wrkTime(long nanos) {
    double us = nanos / 1e3;
    return us < 1000 ? String.format("%.2fus", us)
        : us < 1_000_000 ? String.format("%.2fms", us / 1e3) : String.format("%.2fs", us / 1e6);
  }

  static Duration seconds(String wrkDuration) {
    String d = wrkDuration.trim();
    char unit = d.charAt(d.length() - 1);
    long n = Long.parseLong(Character.isDigit(unit) ? d : d.substring(0, d.length() - 1));
    return switch (unit) {
      case 'm' -> Duration.ofMinutes(n);
      case 'h' -> Duration.ofHours(n);
      default -> Duration.ofSeconds(n);
    };
  }

  /** An answer that a browser signing in should not get; {@code step} names where. */
  static final class Failure extends Exception {
    private static final long serialVersionUID = 1L;
    final String step;

    Failure(String step, HttpResponse<String> response) {
      super(step + ": HTTP " + response.statusCode() + " "
          + response.headers().firstValue("Location").orElse(snippet(response.body())));
      this.step = step;
    }

    Failure(String step, String detail) {
      super(step + ": " + detail);
      this.step = step;
    }

    private static String snippet(String body) {
      String flat = body.replaceAll("\\s+", " ");
      return flat.length() > 200 ? flat.substring(0, 200) : flat;
    }
  }

  /**
   * One browser: its own cookie jar (emptied before each sign-in) and its own keep-alive connection, as a browser
   * keeps one to a site it uses. Redirects are followed by hand so that each hop is checked.
   */
  static final class Browser {
    private final Settings settings;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;

    Browser(Settings settings) {
      this.settings = settings;
      this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies)
          .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** A fresh authorization request's sign-in page: its hidden fields (the flood posts them again and again). */
    Map<String, String> signInPage() throws Failure, IOException, InterruptedException {
      cookies.getCookieStore().removeAll();
      Map<String, String> query = new LinkedHashMap<>();
      query.put("response_type", "code");
      query.put("client_id", settings.client());
      query.put("redirect_uri", settings.redirect());
      query.put("scope", settings.scope());
      query.put("state", random(16));
      query.put("code_challenge", s256(random(32)));
      query.put("code_challenge_method", "S256");
      HttpResponse<String> response = get(settings.base().resolve("/oauth2/authorize?" + form(query)));
      response = get(redirect(response, "authorize", "/login"));
      if (response.statusCode() != 200) {
        throw new Failure("login-page", response);
      }
      return hiddenFields(response, "login-page");
    }

    /** Signs {@code username} in; true if a consent page was shown and allowed ({@code consent} must be true). */
    boolean signIn(String username, boolean consent) throws Failure, IOException, InterruptedException {
      cookies.getCookieStore().removeAll();
      String verifier = random(32);
      String state = random(16);
      Map<String, String> query = new LinkedHashMap<>();
      query.put("response_type", "code");
      query.put("client_id", settings.client());
      query.put("redirect_uri", settings.redirect());
      query.put("scope", settings.scope());
      query.put("state", state);
      query.put("nonce", random(16));
      query.put("code_challenge", s256(verifier));
      query.put("code_challenge_method", "S256");
      HttpResponse<String> response = get(settings.base().resolve("/oauth2/authorize?" + form(query)));
      URI loginPage = redirect(response, "authorize", "/login");
      response = get(loginPage);
      if (response.statusCode() != 200) {
        throw new Failure("login-page", response);
      }
      Map<String, String> fields = hiddenFields(response, "login-page");
      fields.put("username", username);
      fields.put("password", settings.password());
      response = post(loginPage.resolve("/login"), fields, null);
      for (int wait = 0; response.statusCode() == 429 && wait < 30; wait++) {
        // The node's sign-in capacity is taken: wait as Retry-After says, and post the form again.
        BUSY.incrementAndGet();
        Thread.sleep(1000L * Long.parseLong(response.headers().firstValue("Retry-After").orElse("1")));
        fields = hiddenFields(response, "login-busy");
        fields.put("username", username);
        fields.put("password", settings.password());
        response = post(loginPage.resolve("/login"), fields, null);
      }
      URI resume = redirect(response, "login-post", "/oauth2/authorize/resume");
      response = get(resume);
      boolean consented = false;
      if (consent && response.statusCode() == 200 && response.body().contains("id=\"allow\"")) {
        fields = hiddenFields(response, "consent-page");
        fields.put("decision", "allow");
        response = post(resume.resolve("/consent"), fields, null);
        consented = true;
      }
      Map<String, String> back = callback(response, state);
      if (settings.redeem()) {
        redeem(back.get("code"), verifier);
      }
      return consented;
    }

    /** The redirect to the client: the code, and the state it was sent (RFC 6749 §4.1.2). */
    private Map<String, String> callback(HttpResponse<String> response, String state) throws Failure {
      String location = response.headers().firstValue("Location").orElse("");
      if (response.statusCode() != 302 || !location.startsWith(settings.redirect() + "?")) {
        throw new Failure("resume", response);
      }
      Map<String, String> parameters = new LinkedHashMap<>();
      for (String pair : URI.create(location).getRawQuery().split("&")) {
        int eq = pair.indexOf('=');
        parameters.put(URLDecoder.decode(pair.substring(0, Math.max(eq, 0)), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
      if (parameters.get("code") == null || !state.equals(parameters.get("state"))) {
        throw new Failure("resume", "no code, or another state: " + parameters.keySet());
      }
      return parameters;
    }

    private void redeem(String code, String verifier) throws Failure, IOException, InterruptedException {
      Map<String, String> body = new LinkedHashMap<>();
      body.put("grant_type", "authorization_code");
      body.put("code", code);
      body.put("redirect_uri", settings.redirect());
      body.put("code_verifier", verifier);
      String basic = Base64.getEncoder().encodeToString(
          (enc(settings.client()) + ":" + enc(settings.secret())).getBytes(StandardCharsets.UTF_8));
      HttpResponse<String> response = post(settings.base().resolve("/oauth2/token"), body, "Basic " + basic);
      boolean openid = settings.scope().contains("openid");
      if (response.statusCode() != 200 || !response.body().contains("\"access_token\"")
          || openid && !response.body().contains("\"id_token\"")) {
        throw new Failure("token", response);
      }
    }

    private URI redirect(HttpResponse<String> response, String step, String path) throws Failure {
      String location = response.headers().firstValue("Location").orElse("");
      URI target = response.uri().resolve(location);
      if (response.statusCode() != 302 || !target.getPath().equals(path)) {
        throw new Failure(step, response);
      }
      return target;
    }

    static Map<String, String> hiddenFields(HttpResponse<String> page, String step) throws Failure {
      Map<String, String> fields = new LinkedHashMap<>();
      Matcher m = HIDDEN.matcher(page.body());
      while (m.find()) {
        fields.put(m.group(1), m.group(2));
      }
      if (!fields.containsKey("csrf") || !fields.containsKey("request")) {
        throw new Failure(step, "no csrf or request field");
      }
      return fields;
    }

    private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
      return http.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(),
          HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(URI uri, Map<String, String> fields, String authorization)
        throws IOException, InterruptedException {
      HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(form(fields)));
      if (authorization != null) {
        request.header("Authorization", authorization);
      }
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
  }

  static String form(Map<String, String> fields) {
    StringBuilder s = new StringBuilder();
    fields.forEach((k, v) -> s.append(s.length() == 0 ? "" : "&").append(enc(k)).append('=').append(enc(v)));
    return s.toString();
  }

  static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  static String random(int bytes) {
    byte[] b = new byte[bytes];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  /** RFC 7636 §4.2: BASE64URL(SHA256(ASCII(code_verifier))). */
  static String s256(String verifier) {
    try {
      return Base64.getUrlEncoder().withoutPadding().encodeToString(
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
