package dev.gatehouse.application.audit;

import java.util.List;
import dev.gatehouse.application.audit.AuditRecord;
import dev.gatehouse.application.audit.AuditTrail;

/**
 * Audit rows that were written in the transaction this is fired in: their log lines follow once it has committed
 * ({@link AuditTrail}; the mechanism is described in {@link dev.gatehouse.application}).
 */
public record AuditRecorded(List<AuditRecord> records) {
  public AuditRecorded {
    records = List.copyOf(records);
  }
}
