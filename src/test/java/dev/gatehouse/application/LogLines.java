package dev.gatehouse.application;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

/** A log handler that keeps the message of every record it is given, for tests that check what was logged. */
final class LogLines extends Handler {
  final List<String> lines = new ArrayList<>();

  @Override
  public void publish(LogRecord record) {
    lines.add(record.getMessage());
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}
}
