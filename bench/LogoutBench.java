import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The client of bench/logout-fanout.sh: how long an RP-initiated logout takes, from the request to the redirect to
 * the post-logout URI, when the session signed in to 2 or 5 relying parties with back-channel logout URIs, all
 * answering or one of them a black hole. Single-file source, JDK only, compiled together with LoginBench.java (whose
 * form helpers it uses): {@code java -cp target/bench-classes LogoutBench key=value...}.
 *
 * <p>This process is the relying parties: one loopback HTTP server ({@code rp-port}) whose {@code /bcl/<client>}
 * answers 200 at once and notes the {@code sid} of each logout token, and a black hole ({@code hole-port}) that
 * accepts connections and never answers. The server's bootstrap file (written by the script) registers
 * {@code bench-rp-1} to {@code bench-rp-5} and {@code bench-hole} against them.
 *
 * <p>One run: a fresh browser (cookie jar) signs in at the scenario's first client (sign-in page, consent the first
 * time), then at the others through single sign-on, redeems the first client's code for its ID token, and sends
 * {@code GET /oauth2/logout} with it and the registered {@code post_logout_redirect_uri}. Timed: that one request,
 * until its 302 arrives, on loopback (the server's time plus a loopback round trip). Also checked at that moment: how
 * many of the reachable relying parties had already received their logout token. Prints one line per scenario:
 * {@code clients hole runs medianMs minMs maxMs toldBeforeRedirect}.
 */
public final class LogoutBench {
  private static final Pattern ID_TOKEN = Pattern.compile("\"id_token\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern SID = Pattern.compile("\"sid\"\\s*:\\s*\"([^\"]+)\"");
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final URI base;
  private final int rpPort;
  private final String password;
  /** How many logout tokens each session's sid got, from reachable relying parties. */
  private final Map<String, AtomicInteger> told = new ConcurrentHashMap<>();

  private LogoutBench(URI base, int rpPort, String password) {
    this.base = base;
    this.rpPort = rpPort;
    this.password = password;
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> o = new TreeMap<>();
    for (String arg : args) {
      o.put(arg.substring(0, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
    }
    int rpPort = Integer.parseInt(o.get("rp-port"));
    int runs = Integer.parseInt(o.getOrDefault("runs", "7"));
    LogoutBench bench = new LogoutBench(URI.create(o.get("base")), rpPort, o.get("password"));
    HttpServer rps = bench.relyingParties();
    List<Socket> held = blackHole(Integer.parseInt(o.get("hole-port")));
    System.out.println("clients hole runs medianMs minMs maxMs toldBeforeRedirect");
    for (String scenario : o.getOrDefault("scenarios", "2:false 2:true 5:false 5:true").split(" ")) {
      int clients = Integer.parseInt(scenario.split(":")[0]);
      boolean hole = Boolean.parseBoolean(scenario.split(":")[1]);
      bench.scenario(clients, hole, runs);
    }
    rps.stop(0);
    for (Socket socket : held) {
      socket.close();
    }
    System.exit(0);
  }

  private void scenario(int clients, boolean hole, int runs) throws Exception {
    List<String> ids = new ArrayList<>();
    for (int i = 1; i <= (hole ? clients - 1 : clients); i++) {
      ids.add("bench-rp-" + i);
    }
    if (hole) {
      ids.add("bench-hole");
    }
    run(ids); // warm-up (and the consent pages, the first time)
    List<Long> millis = new ArrayList<>();
    int toldInTime = 0;
    int reachable = 0;
    for (int r = 0; r < runs; r++) {
      long[] result = run(ids);
      millis.add(result[0]);
      toldInTime += (int) result[1];
      reachable += hole ? clients - 1 : clients;
    }
    Collections.sort(millis);
    System.out.printf("%d %s %d %d %d %d %d/%d%n", clients, hole, runs, millis.get(millis.size() / 2), millis.get(0),
        millis.get(millis.size() - 1), toldInTime, reachable);
  }

  /** One browser through the clients, then the timed logout: {milliseconds, relying parties told by the 302}. */
  private long[] run(List<String> clients) throws Exception {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
        .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    String idToken = null;
    for (String client : clients) {
      String token = signIn(http, client);
      idToken = idToken == null ? token : idToken;
    }
    String sid = claim(idToken, SID);
    String postLogout = "http://127.0.0.1:" + rpPort + "/signed-out";
    URI logout = base.resolve("/oauth2/logout?id_token_hint=" + idToken + "&post_logout_redirect_uri="
        + LoginBench.enc(postLogout) + "&state=bye");
    long start = System.nanoTime();
    HttpResponse<String> answer = http.send(HttpRequest.newBuilder(logout).timeout(TIMEOUT).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    long elapsed = System.nanoTime() - start;
    int toldByNow = told.getOrDefault(sid, new AtomicInteger()).get();
    if (answer.statusCode() != 302
        || !answer.headers().firstValue("Location").orElse("").startsWith(postLogout + "?state=bye")) {
      throw new IllegalStateException("logout: HTTP " + answer.statusCode() + " " + answer.headers().map());
    }
    return new long[] {Duration.ofNanos(elapsed).toMillis(), toldByNow};
  }

  /** The code flow at {@code client} in this browser (signing in if it has no session); its ID token. */
  private String signIn(HttpClient http, String client) throws Exception {
    String redirect = "http://127.0.0.1:" + rpPort + "/cb";
    String verifier = LoginBench.random(32);
    Map<String, String> query = new LinkedHashMap<>();
    query.put("response_type", "code");
    query.put("client_id", client);
    query.put("redirect_uri", redirect);
    query.put("scope", "openid");
    query.put("state", "s");
    query.put("nonce", LoginBench.random(16));
    query.put("code_challenge", LoginBench.s256(verifier));
    query.put("code_challenge_method", "S256");
    HttpResponse<String> response = get(http, base.resolve("/oauth2/authorize?" + LoginBench.form(query)));
    for (int hop = 0; hop < 10; hop++) {
      String location = response.headers().firstValue("Location").orElse("");
      if (response.statusCode() == 302 && location.startsWith(redirect + "?")) {
        return redeem(http, client, code(location), redirect, verifier);
      }
      if (response.statusCode() == 302) {
        URI next = response.uri().resolve(location);
        response = get(http, next);
        if (next.getPath().equals("/login") && response.statusCode() == 200) {
          Map<String, String> fields = LoginBench.Browser.hiddenFields(response, "login-page");
          fields.put("username", "bench-logout");
          fields.put("password", password);
          response = post(http, next.resolve("/login"), fields, null);
        }
      } else if (response.statusCode() == 200 && response.body().contains("id=\"allow\"")) {
        Map<String, String> fields = LoginBench.Browser.hiddenFields(response, "consent-page");
        fields.put("decision", "allow");
        response = post(http, response.uri().resolve("/consent"), fields, null);
      } else {
        break;
      }
    }
    throw new IllegalStateException("sign-in at " + client + ": HTTP " + response.statusCode() + " "
        + response.headers().firstValue("Location").orElse(""));
  }

  private String redeem(HttpClient http, String client, String code, String redirect, String verifier)
      throws Exception {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("grant_type", "authorization_code");
    body.put("code", code);
    body.put("redirect_uri", redirect);
    body.put("code_verifier", verifier);
    String basic = Base64.getEncoder().encodeToString((client + ":" + client + "-secret-0123456789abcdefghijklmnop")
        .getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> answer = post(http, base.resolve("/oauth2/token"), body, "Basic " + basic);
    Matcher m = ID_TOKEN.matcher(answer.body());
    if (answer.statusCode() != 200 || !m.find()) {
      throw new IllegalStateException("token at " + client + ": HTTP " + answer.statusCode());
    }
    return m.group(1);
  }

  private static String code(String location) {
    for (String pair : URI.create(location).getRawQuery().split("&")) {
      if (pair.startsWith("code=")) {
        return URLDecoder.decode(pair.substring(5), StandardCharsets.UTF_8);
      }
    }
    throw new IllegalStateException("no code: " + location);
  }

  private static String claim(String jwt, Pattern claim) {
    String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
    Matcher m = claim.matcher(payload);
    if (!m.find()) {
      throw new IllegalStateException("no such claim");
    }
    return m.group(1);
  }

  private static HttpResponse<String> get(HttpClient http, URI uri) throws Exception {
    return http.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> post(HttpClient http, URI uri, Map<String, String> fields, String auth)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(LoginBench.form(fields)));
    if (auth != null) {
      request.header("Authorization", auth);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The reachable relying parties: back-channel endpoints that answer 200 at once and note each token's sid. */
  private HttpServer relyingParties() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), rpPort), 50);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/bcl/", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      for (String pair : body.split("&")) {
        if (pair.startsWith("logout_token=")) {
          String token = URLDecoder.decode(pair.substring("logout_token=".length()), StandardCharsets.UTF_8);
          told.computeIfAbsent(claim(token, SID), s -> new AtomicInteger()).incrementAndGet();
        }
      }
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    server.start();
    return server;
  }

  /** Accepts connections on {@code port} and never answers; the sockets are kept so that nothing closes them. */
  private static List<Socket> blackHole(int port) throws IOException {
    ServerSocket hole = new ServerSocket(port, 100, InetAddress.getLoopbackAddress());
    List<Socket> held = new CopyOnWriteArrayList<>();
    Thread acceptor = new Thread(() -> {
      while (true) {
        try {
          Socket socket = hole.accept();
          held.add(socket);
          Thread reader = new Thread(() -> {
            try {
              socket.getInputStream().transferTo(OutputStream.nullOutputStream());
            } catch (IOException closed) {
              // the sender gave up
            }
          });
          reader.setDaemon(true);
          reader.start();
        } catch (IOException e) {
          return;
        }
      }
    });
    acceptor.setDaemon(true);
    acceptor.start();
    return held;
  }
}
