package dev.gatehouse.infrastructure.persistence;

import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.descriptors.ClassDescriptor;
import org.eclipse.persistence.sessions.Session;

/**
 * Puts the configured table prefix ({@code GATEHOUSE_TABLE_PREFIX}, default {@code gatehouse_}) in front of every
 * entity's table, so several Gatehouse tenants can share one schema (the seed's multi-tenancy by prefix). Entities name
 * their tables without the prefix; the Flyway migrations use the same prefix through the {@code ${prefix}} placeholder.
 */
public class TablePrefixCustomizer implements SessionCustomizer {

  @Override
  public void customize(Session session) {
    String prefix = DatabaseSettings.load().tablePrefix();
    for (ClassDescriptor descriptor : session.getDescriptors().values()) {
      if (!descriptor.isAggregateDescriptor() && descriptor.getTableName() != null) {
        descriptor.setTableName(prefix + descriptor.getTableName());
      }
    }
  }
}
