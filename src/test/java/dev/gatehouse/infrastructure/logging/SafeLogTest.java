package dev.gatehouse.infrastructure.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SafeLogTest {
  private final Logger logger = Logger.getLogger(SafeLogTest.class.getName());
  private final List<LogRecord> records = new ArrayList<>();
  private final Handler handler = new Handler() {
    @Override
    public void publish(LogRecord record) {
      records.add(record);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };

  @BeforeEach
  void capture() {
    logger.setUseParentHandlers(false);
    logger.addHandler(handler);
    logger.setLevel(Level.INFO);
  }

  @AfterEach
  void release() {
    logger.removeHandler(handler);
    logger.setUseParentHandlers(true);
    logger.setLevel(null);
  }

  @Test
  void whenArgumentsForgeALine_thenTheyAreEscapedInTheMessage() {
    SafeLog.of(SafeLogTest.class).info("authorization request refused: {} ({})", "name\nFORGED", 3);
    assertEquals(1, records.size());
    assertEquals("authorization request refused: name\\u000aFORGED (3)", records.get(0).getMessage());
    assertEquals(SafeLogTest.class.getName(), records.get(0).getSourceClassName(), "the caller, not the facade");
    assertEquals("whenArgumentsForgeALine_thenTheyAreEscapedInTheMessage", records.get(0).getSourceMethodName());
  }

  @Test
  void whenLevelIsOff_thenSuppliersAreNotCalled() {
    Supplier<String> expensive = () -> {
      throw new AssertionError("formatted although FINE is off");
    };
    SafeLog.of(SafeLogTest.class).fine("detail {}", expensive);
    assertTrue(records.isEmpty());
    SafeLog.of(SafeLogTest.class).info("detail {}", (Supplier<String>) () -> "a\rb");
    assertEquals("detail a\\u000db", records.get(0).getMessage());
  }

  @Test
  void whenArgumentsAndPlaceholdersDoNotMatch_thenNothingIsLost() {
    assertEquals("a 1 b [2, x\\u000ay]", SafeLog.format("a {} b", 1, 2, "x\ny"));
    assertEquals("a 1 b {}", SafeLog.format("a {} b {}", 1));
    assertEquals("no placeholders", SafeLog.format("no placeholders"));
  }

  @Test
  void whenExceptionMessagesForgeLines_thenTheStackTraceHasOnlyEscapedMessagesAndTheOriginalFrames() {
    IllegalStateException cause = new IllegalStateException("inner\n[INFO] [dev.gatehouse.audit] {\"id\":\"x\"}");
    RuntimeException thrown = new RuntimeException("outer\r\nforged", cause);
    thrown.addSuppressed(new IllegalArgumentException("suppressed\u2028line"));
    SafeLog.of(SafeLogTest.class).warning(thrown, "failed for {}", "client\n");

    LogRecord record = records.get(0);
    assertEquals(Level.WARNING, record.getLevel());
    assertEquals("failed for client\\u000a", record.getMessage());
    Throwable logged = record.getThrown();
    assertNotNull(logged);
    StringWriter trace = new StringWriter();
    logged.printStackTrace(new PrintWriter(trace));
    String[] lines = trace.toString().split("\\R");
    assertEquals("java.lang.RuntimeException: outer\\u000d\\u000aforged", lines[0]);
    for (String line : lines) {
      assertTrue(line.isEmpty() || line.startsWith("\t") || line.startsWith("java.lang.RuntimeException")
          || line.startsWith("Caused by: java.lang.IllegalStateException: inner\\u000a")
          || line.contains("Suppressed: java.lang.IllegalArgumentException: suppressed\\u2028line"), line);
    }
    assertTrue(trace.toString().contains("Caused by: java.lang.IllegalStateException"), trace::toString);
    assertEquals(thrown.getStackTrace()[0], logged.getStackTrace()[0]);
    assertFalse(trace.toString().contains("\n[INFO]"));
  }

  @Test
  void whenAnExceptionIsItsOwnCause_thenCopyingEnds() {
    RuntimeException a = new RuntimeException("a");
    RuntimeException b = new RuntimeException("b", a);
    a.initCause(b);
    Throwable copy = SafeLog.Escaped.copy(a);
    assertEquals("java.lang.RuntimeException: b", copy.getCause().toString());
    assertEquals(null, copy.getCause().getCause());
  }
}
