package dev.gatehouse.infrastructure.logging;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** The warnings (and worse) the loggers of some classes write while a test runs: {@link #close} stops listening. */
public final class LoggedWarnings extends Handler implements AutoCloseable {
  private final List<String> messages = new CopyOnWriteArrayList<>();
  private final List<Class<?>> owners;

  private LoggedWarnings(List<Class<?>> owners) {
    this.owners = owners;
    owners.forEach(owner -> Logger.getLogger(owner.getName()).addHandler(this));
  }

  /** Starts listening to the loggers of these classes. */
  public static LoggedWarnings of(Class<?>... owners) {
    return new LoggedWarnings(List.of(owners));
  }

  /** The messages so far, oldest first. */
  public List<String> messages() {
    return List.copyOf(messages);
  }

  @Override
  public void publish(LogRecord record) {
    if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
      messages.add(record.getMessage());
    }
  }

  @Override
  public void flush() {}

  @Override
  public void close() {
    owners.forEach(owner -> Logger.getLogger(owner.getName()).removeHandler(this));
  }
}
