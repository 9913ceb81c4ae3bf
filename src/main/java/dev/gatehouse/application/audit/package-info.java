/**
 * The audit trail: every security event becomes one row of {@code audit_events} and one line of the log category
 * {@code dev.gatehouse.audit}, written after the transaction that caused it commits ({@link
 * dev.gatehouse.application.audit.AuditTrail}); events outside a transaction get their own ({@link
 * dev.gatehouse.application.audit.AuditRows}). Owns table {@code audit_events} and its retention.
 */
package dev.gatehouse.application.audit;
