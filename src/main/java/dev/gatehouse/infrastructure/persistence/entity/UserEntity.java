package dev.gatehouse.infrastructure.persistence.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * A user: of the built-in database identity store (the password only as a PBKDF2 hash), or of a directory, recorded
 * at first sign-in so that its subject identifier, sessions and consents work like any other user's (no password).
 */
@Entity
@Table(name = "users")
@NamedQuery(name = "User.byUsername", query = "SELECT u FROM UserEntity u WHERE u.username = :username")
@NamedQuery(name = "User.byExternalId",
    query = "SELECT u FROM UserEntity u WHERE u.source = :source AND u.externalId = :externalId")
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

  /** The identity store the user comes from: {@code database} (the built-in store) or a directory's name. */
  public String source = "database";

  /** The source store's stable identifier of the user (e.g. LDAP entryUUID); null for the built-in store. */
  @Column(name = "external_id")
  public String externalId;

  /** Space-separated role names, e.g. {@code gatehouse-admin}. */
  public String roles = "";

  /**
   * A directory user's groups as the directory last gave them: a JSON array of their names, sorted (a name may hold
   * spaces, so not space-separated like the roles); null for none.
   */
  @Column(name = "directory_groups")
  public String directoryGroups;

  /** A disabled user may not sign in. */
  public boolean disabled;

  @Column(name = "created_at")
  public long createdAt;

  @Column(name = "updated_at")
  public long updatedAt;
}
