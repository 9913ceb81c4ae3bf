/**
 * The server log: {@link dev.gatehouse.infrastructure.logging.SafeLog} is the only class that writes to
 * java.util.logging, so that every value in every line is escaped ({@link dev.gatehouse.protocol.support.LogText}).
 * {@code infrastructure} is the layer for what talks to the world outside the JVM; the log is the first such adapter
 * to live here.
 */
package dev.gatehouse.infrastructure.logging;
