package dev.gatehouse.infrastructure.logging;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

/** A log handler that keeps the message of every record it is given, for tests that check what was logged. */
public final class LogLines extends Handler {
  public final List<String> lines = new ArrayList<>();

  @Override
  public void publish(LogRecord record) {
    lines.add(record.getMessage());
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}
}
