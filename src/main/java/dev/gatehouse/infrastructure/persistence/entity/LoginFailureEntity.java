package dev.gatehouse.infrastructure.persistence.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The failed sign-ins of one account or client address (only the hash of either: see {@code ThrottleKey}). */
@Entity
@Table(name = "login_failures")
public class LoginFailureEntity {
  @Id
  public String id;

  public String kind;

  public int failures;

  @Column(name = "window_start")
  public long windowStart;

  @Column(name = "locked_until")
  public long lockedUntil;

  public int lockouts;

  @Column(name = "expires_at")
  public long expiresAt;

  @Column(name = "last_failure_at")
  public long lastFailureAt;
}
