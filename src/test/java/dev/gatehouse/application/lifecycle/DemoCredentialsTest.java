package dev.gatehouse.application.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.gatehouse.infrastructure.logging.LogLines;

/** The demo's credentials are printed at the start that creates them, and never again. */
class DemoCredentialsTest {
  private static final Logger STARTUP_LOG = Logger.getLogger(Startup.class.getName());
  private final LogLines capture = new LogLines();
  private final List<String> lines = capture.lines;

  @TempDir Path dataDir;

  @BeforeEach
  void listen() {
    STARTUP_LOG.addHandler(capture);
  }

  @AfterEach
  void stopListening() {
    STARTUP_LOG.removeHandler(capture);
  }

  @Test
  void whenTheFirstStartCreatesTheCredentials_thenTheyArePrintedWithTheFileThatKeepsThem() {
    DemoSetup.Outcome first = DemoSetup.loadOrCreate(dataDir.resolve(DemoSetup.FILE_NAME));
    Startup.logDemo("http://localhost:8080", first);

    assertTrue(first.created());
    assertTrue(Files.exists(first.file()));
    assertEquals(1, lines.size());
    assertTrue(lines.get(0).contains("demo / " + first.credentials().password()), lines.get(0));
    assertTrue(lines.get(0).contains("demo-client / " + first.credentials().clientSecret()), lines.get(0));
    assertTrue(lines.get(0).contains(first.file().toString()), lines.get(0));
  }

  @Test
  void whenALaterStartFindsTheCredentials_thenItPrintsWhereTheyAreKeptButNotThem() {
    DemoSetup.Outcome first = DemoSetup.loadOrCreate(dataDir.resolve(DemoSetup.FILE_NAME));
    DemoSetup.Outcome second = DemoSetup.loadOrCreate(dataDir.resolve(DemoSetup.FILE_NAME));
    Startup.logDemo("http://localhost:8080", second);

    assertFalse(second.created());
    assertEquals(first.credentials(), second.credentials(), "the same credentials across restarts");
    assertEquals(1, lines.size());
    String line = lines.get(0);
    assertFalse(line.contains(second.credentials().password()), line);
    assertFalse(line.contains(second.credentials().clientSecret()), line);
    assertTrue(line.contains("password in " + second.file()), line);
  }
}
