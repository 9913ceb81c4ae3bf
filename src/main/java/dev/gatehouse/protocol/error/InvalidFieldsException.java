package dev.gatehouse.protocol.error;

import java.util.List;

/**
 * A request refused because of problems with its fields, all of them at once (never only the first), so that the
 * caller can fix everything in one go. Expected and cheap: no stack trace, no cause. {@code ejb-jar.xml} declares it
 * an application exception that rolls back, so it reaches the web layer unwrapped.
 */
public final class InvalidFieldsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<FieldProblem> problems;

  public InvalidFieldsException(List<FieldProblem> problems) {
    super(problems.size() + " invalid field(s): " + problems, null, false, false);
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("an InvalidFieldsException needs at least one problem");
    }
    this.problems = List.copyOf(problems);
  }

  /** One problem, for a single bad field. */
  public InvalidFieldsException(String field, String reason) {
    this(List.of(new FieldProblem(field, reason)));
  }

  public List<FieldProblem> problems() {
    return problems;
  }
}
