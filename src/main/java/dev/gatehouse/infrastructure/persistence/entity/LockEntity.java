package dev.gatehouse.infrastructure.persistence.entity;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A named cluster-wide lock: a row that a transaction locks ({@code PESSIMISTIC_WRITE}, i.e. {@code SELECT … FOR
 * UPDATE}) to run a job no other node may run at the same time. The rows are created by the migrations.
 */
@Entity
@Table(name = "locks")
public class LockEntity {
  @Id
  public String name;
}
