package dev.gatehouse.application.admin;

import dev.gatehouse.protocol.error.FieldProblem;
import dev.gatehouse.protocol.error.InvalidFieldsException;
import java.util.ArrayList;
import java.util.List;

/**
 * Which page of a list an administrator asks for. Pages are bounded: at most {@value #MAX_LIMIT} items, starting at
 * most {@value #MAX_OFFSET} items in, so that no request makes the database read or the server hold an unbounded
 * list.
 */
public record Paging(int offset, int limit) {
  public static final int DEFAULT_LIMIT = 20;
  public static final int MAX_LIMIT = 100;
  public static final int MAX_OFFSET = 10_000;

  public static final Paging FIRST = new Paging(0, DEFAULT_LIMIT);

  public Paging {
    if (offset < 0 || offset > MAX_OFFSET || limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("offset or limit out of bounds");
    }
  }

  /** The page asked for; null means the default. Out of bounds is refused, naming {@code offset} or {@code limit}. */
  public static Paging of(Integer offset, Integer limit) {
    List<FieldProblem> problems = new ArrayList<>();
    if (offset != null && (offset < 0 || offset > MAX_OFFSET)) {
      problems.add(new FieldProblem("offset", "must be between 0 and " + MAX_OFFSET));
    }
    if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
      problems.add(new FieldProblem("limit", "must be between 1 and " + MAX_LIMIT));
    }
    if (!problems.isEmpty()) {
      throw new InvalidFieldsException(problems);
    }
    return new Paging(offset == null ? 0 : offset, limit == null ? DEFAULT_LIMIT : limit);
  }

  /** The page asked for in text (query parameters, form fields); absent or empty means the default. */
  public static Paging parse(String offset, String limit) {
    List<FieldProblem> problems = new ArrayList<>();
    Integer o = number("offset", offset, problems);
    Integer l = number("limit", limit, problems);
    if (!problems.isEmpty()) {
      throw new InvalidFieldsException(problems);
    }
    return of(o, l);
  }

  private static Integer number(String field, String text, List<FieldProblem> problems) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    try {
      return Integer.valueOf(text);
    } catch (NumberFormatException e) {
      problems.add(new FieldProblem(field, "must be a whole number"));
      return null;
    }
  }

  /** One page of a list, and how many items the whole list has. */
  public record Page<T>(List<T> items, long total, int offset, int limit) {
    public Page {
      items = List.copyOf(items);
    }
  }

  public <T> Page<T> page(List<T> items, long total) {
    return new Page<>(items, total, offset, limit);
  }
}
