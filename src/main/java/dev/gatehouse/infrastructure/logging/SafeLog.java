package dev.gatehouse.infrastructure.logging;

import dev.gatehouse.protocol.support.LogText;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one way Gatehouse writes to the server log (java.util.logging, which Payara and WildFly both route to their own
 * handlers), so that no value can forge a log line: a message is a constant pattern whose {@code {}} placeholders are
 * filled with {@link LogText#of} of each argument, and an exception is logged as a copy whose messages are escaped the
 * same way (its stack frames are the original's).
 *
 * <p>Why a facade and not discipline: a log line is read by people at 3 a.m. and by SIEM rules that trust what it says
 * (the audit trail's rule keeps lines naming {@code dev.gatehouse.audit}); a request value with a {@code %0A} in it
 * must never write a line of its own. With one entry point, "every value in every log line is escaped" is a property
 * of the code that a test checks ({@code LoggingGuardTest}: no other class touches {@code java.util.logging.Logger},
 * and every pattern is a literal), not a convention each call must remember.
 *
 * <p>Arguments are formatted only when the level is enabled; an argument that is a {@link Supplier} is called only
 * then, for values that cost something to compute.
 */
public final class SafeLog {
  private final Logger logger;

  private SafeLog(Logger logger) {
    this.logger = logger;
  }

  /** The log of {@code owner}, named after its class as java.util.logging expects. */
  public static SafeLog of(Class<?> owner) {
    return new SafeLog(Logger.getLogger(owner.getName()));
  }

  /** A log with a name of its own (the audit trail's {@code dev.gatehouse.audit}). */
  public static SafeLog named(String name) {
    return new SafeLog(Logger.getLogger(name));
  }

  public boolean enabled(Level level) {
    return logger.isLoggable(level);
  }

  public void fine(String pattern, Object... args) {
    log(Level.FINE, null, pattern, args);
  }

  public void info(String pattern, Object... args) {
    log(Level.INFO, null, pattern, args);
  }

  public void warning(String pattern, Object... args) {
    log(Level.WARNING, null, pattern, args);
  }

  /** A warning with the exception's stack trace. */
  public void warning(Throwable thrown, String pattern, Object... args) {
    log(Level.WARNING, thrown, pattern, args);
  }

  public void severe(String pattern, Object... args) {
    log(Level.SEVERE, null, pattern, args);
  }

  /** An error with the exception's stack trace. */
  public void severe(Throwable thrown, String pattern, Object... args) {
    log(Level.SEVERE, thrown, pattern, args);
  }

  private void log(Level level, Throwable thrown, String pattern, Object[] args) {
    if (!logger.isLoggable(level)) {
      return;
    }
    String message = format(pattern, args);
    StackWalker.StackFrame caller = StackWalker.getInstance()
        .walk(frames -> frames.filter(f -> !f.getClassName().equals(SafeLog.class.getName())).findFirst())
        .orElse(null);
    String sourceClass = caller == null ? logger.getName() : caller.getClassName();
    String sourceMethod = caller == null ? null : caller.getMethodName();
    if (thrown == null) {
      logger.logp(level, sourceClass, sourceMethod, message);
    } else {
      logger.logp(level, sourceClass, sourceMethod, message, Escaped.copy(thrown));
    }
  }

  /**
   * The pattern with each {@code {}} replaced by the next argument, escaped; arguments left over are appended in
   * brackets (a pattern with too few placeholders loses nothing), placeholders left over stay as they are.
   */
  static String format(String pattern, Object... args) {
    StringBuilder out = new StringBuilder(pattern.length() + 32 * args.length);
    int next = 0;
    int from = 0;
    int at;
    while (next < args.length && (at = pattern.indexOf("{}", from)) >= 0) {
      out.append(pattern, from, at).append(text(args[next++]));
      from = at + 2;
    }
    out.append(pattern, from, pattern.length());
    if (next < args.length) {
      out.append(" [");
      for (int i = next; i < args.length; i++) {
        out.append(i == next ? "" : ", ").append(text(args[i]));
      }
      out.append(']');
    }
    return out.toString();
  }

  private static String text(Object arg) {
    Object value = arg instanceof Supplier<?> supplier ? supplier.get() : arg;
    return LogText.of(value);
  }

  /**
   * A copy of an exception for the log: the same class name (in {@link #toString()}, which is what a stack trace
   * prints), the message escaped, the same stack frames, and its causes and suppressed exceptions copied alike.
   */
  static final class Escaped extends Throwable {
    private static final long serialVersionUID = 1L;
    private final String described;

    private Escaped(Throwable original, Throwable cause) {
      super(original.getMessage() == null ? null : LogText.of(original.getMessage()), cause, true, true);
      String message = getMessage();
      this.described = original.getClass().getName() + (message == null ? "" : ": " + message);
      setStackTrace(original.getStackTrace());
    }

    static Throwable copy(Throwable original) {
      return copy(original, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static Escaped copy(Throwable original, Set<Throwable> seen) {
      seen.add(original);
      Throwable cause = original.getCause();
      Escaped copy = new Escaped(original, cause == null || seen.contains(cause) ? null : copy(cause, seen));
      for (Throwable suppressed : original.getSuppressed()) {
        if (!seen.contains(suppressed)) {
          copy.addSuppressed(copy(suppressed, seen));
        }
      }
      return copy;
    }

    @Override
    public String toString() {
      return described;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
      return this; // the original's frames are set instead
    }
  }
}
