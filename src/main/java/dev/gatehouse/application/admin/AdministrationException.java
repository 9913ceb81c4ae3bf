package dev.gatehouse.application.admin;

import jakarta.ejb.ApplicationException;

/**
 * An administrative request that cannot be done as asked, for a reason other than a bad field: what it names does not
 * exist, already exists, or is managed elsewhere. Expected: no stack trace, and the transaction rolls back. The
 * message is safe to show the administrator (it names identifiers only).
 */
@ApplicationException(rollback = true, inherited = true)
public class AdministrationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why: answered by the admin API as 404 and 409. */
  public enum Kind {
    NOT_FOUND,
    /** Already exists (a client_id, a username), or cannot be changed here (a directory's user). */
    CONFLICT
  }

  private final Kind kind;
  private final String field;

  /**
   * @param field the request field at fault ({@code client_id}, {@code username}), or null
   */
  public AdministrationException(Kind kind, String field, String message) {
    super(message, null, false, false);
    this.kind = kind;
    this.field = field;
  }

  public static AdministrationException notFound(String what) {
    return new AdministrationException(Kind.NOT_FOUND, null, what + " does not exist");
  }

  public Kind kind() {
    return kind;
  }

  public String field() {
    return field;
  }
}
