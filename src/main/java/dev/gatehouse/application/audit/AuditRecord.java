package dev.gatehouse.application.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * An {@link AuditEvent} as it is stored and logged: with its id, its time, the node that recorded it, and the client
 * address of the request it happened in.
 *
 * @param id a time-ordered UUID (version 7): the primary key of its row and the {@code id} of its log line, so the two
 *     can be matched; rows are appended in key order
 * @param clientAddress the TCP peer of the request ({@link RequestOrigin}); {@code null} outside a request
 */
public record AuditRecord(String id, Instant occurredAt, String node, String clientAddress, AuditEvent event) {

  static final int NODE_MAX = 64;
  static final int ADDRESS_MAX = 64;

  public AuditRecord {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(event, "event");
    node = AuditEvent.clip(node, NODE_MAX);
    clientAddress = AuditEvent.clip(clientAddress, ADDRESS_MAX);
  }
}
