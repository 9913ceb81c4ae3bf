package dev.gatehouse.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * A Gatehouse node that a test class starts itself, beside the Arquillian one: a stock Payara Micro started the way the
 * README starts Gatehouse ({@code --nohazelcast} and the shipped pre-boot file, so no data grid and loopback only)
 * running {@code war}, with this test run's environment (database, issuer, bootstrap, key-encryption key) plus
 * {@code environment}. Its log goes to a temporary file, its {@code GATEHOUSE_DATA_DIR} is a temporary folder.
 * {@link #close()} stops it and everything it started.
 */
public final class PayaraNode implements AutoCloseable {

  private static final HttpClient HTTP = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();

  private final Process process;
  private final Path log;
  private final Path dataDir;
  private final int port;

  private PayaraNode(Process process, Path log, Path dataDir, int port) {
    this.process = process;
    this.log = log;
    this.dataDir = dataDir;
    this.port = port;
  }

  /** Starts the node and waits (up to four minutes) until {@code GET /oauth2/ping} answers 200. */
  public static PayaraNode start(String name, int port, Path war, Map<String, String> environment)
      throws IOException, InterruptedException {
    Path log = Files.createTempFile(name, ".log");
    ProcessBuilder builder = new ProcessBuilder(
        ProcessHandle.current().info().command().orElse("java"), "-Xmx512m", "-jar",
        System.getProperty("payara.microJar"), "--nohazelcast", "--port", Integer.toString(port),
        "--prebootcommandfile", System.getProperty("gatehouse.it.prebootFile"),
        "--deploy", war.toString());
    Path dataDir = Files.createTempDirectory(name + "-data");
    builder.environment().put("GATEHOUSE_DATA_DIR", dataDir.toString());
    builder.environment().putAll(environment);
    builder.redirectErrorStream(true).redirectOutput(log.toFile());
    PayaraNode node = new PayaraNode(builder.start(), log, dataDir, port);
    try {
      node.awaitPing();
    } catch (AssertionError | InterruptedException e) {
      node.close();
      throw e;
    }
    return node;
  }

  private void awaitPing() throws InterruptedException {
    URI ping = URI.create(base() + "/oauth2/ping");
    long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
    while (System.nanoTime() < deadline) {
      try {
        if (HTTP.send(HttpRequest.newBuilder(ping).build(), HttpResponse.BodyHandlers.discarding()).statusCode()
            == 200) {
          return;
        }
      } catch (IOException notYet) {
        // still booting
      }
      assertTrue(process.isAlive(), () -> "node on port " + port + " died; see " + log);
      Thread.sleep(500);
    }
    throw new AssertionError("node on port " + port + " did not start; see " + log);
  }

  /** Its base URL, without a trailing slash. */
  public String base() {
    return "http://127.0.0.1:" + port;
  }

  public Path log() {
    return log;
  }

  /** The process id of the node's JVM (for jcmd). */
  public long pid() {
    return process.pid();
  }

  /** Stops the node and deletes its data folder (the log stays, for a failed test's reader). */
  @Override
  public void close() throws InterruptedException {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    process.waitFor();
    try (var files = Files.walk(dataDir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
    } catch (IOException e) {
      // a temporary folder; the system cleans it eventually
    }
  }
}
