package dev.gatehouse.persistence.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** A user of the built-in database identity store; the password only as a PBKDF2 hash. */
@Entity
@Table(name = "users")
@NamedQuery(name = "User.byUsername", query = "SELECT u FROM UserEntity u WHERE u.username = :username")
public class UserEntity {
  /** The stable subject identifier ({@code sub}): a UUID that never changes, unlike the username. */
  @Id
  public String id;

  public String username;

  @Column(name = "password_hash")
  public String passwordHash;

  public String name;

  public String email;

  @Column(name = "given_name")
  public String givenName;

  @Column(name = "family_name")
  public String familyName;

  @Column(name = "email_verified")
  public boolean emailVerified;

  @Column(name = "phone_number")
  public String phoneNumber;

  @Column(name = "phone_number_verified")
  public boolean phoneNumberVerified;

  public String locale;

  public String zoneinfo;

  /** The OpenID Connect address claim (Core §5.1.1) as a JSON object, or null. */
  public String address;

  @Column(name = "created_at")
  public long createdAt;

  @Column(name = "updated_at")
  public long updatedAt;
}
