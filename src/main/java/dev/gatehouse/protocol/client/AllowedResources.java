package dev.gatehouse.protocol.client;

import dev.gatehouse.protocol.error.FieldProblem;
import dev.gatehouse.protocol.resource.ResourceIndicators;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The registration field {@code allowed_resources}, a Gatehouse extension: the resource indicators (RFC 8707) a client
 * may ask access tokens for. RFC 8707 leaves to the server which resources exist and who may ask for which; Gatehouse
 * makes it the operator's decision, per client, so a token's audience is always one the operator chose for that client.
 *
 * <p>Each value is a resource indicator ({@link ResourceIndicators#problem}); at most {@value
 * ResourceIndicators#MAX_RESOURCES}, of {@value ResourceIndicators#MAX_LENGTH} characters in all (the most one token
 * can be for, and what its row holds). A client that registers itself cannot set it: otherwise any client could give
 * itself tokens for any resource server, which is what audiences are there to prevent.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8707#section-2">RFC 8707 §2</a>
 */
public final class AllowedResources {
  private AllowedResources() {}

  /** The problems of {@code values} ({@code null}: the field was absent), registered by the client itself or not. */
  public static List<FieldProblem> problems(List<String> values, boolean selfRegistered) {
    List<FieldProblem> problems = new ArrayList<>();
    if (values == null || values.isEmpty()) {
      return problems;
    }
    String field = ClientMetadata.ALLOWED_RESOURCES;
    if (selfRegistered) {
      problems.add(new FieldProblem(field, "can be set by an administrator only"));
      return problems;
    }
    if (values.size() > ResourceIndicators.MAX_RESOURCES
        || String.join(" ", new TreeSet<>(values)).length() > ResourceIndicators.MAX_LENGTH) {
      problems.add(new FieldProblem(field, "may hold at most " + ResourceIndicators.MAX_RESOURCES + " URIs of "
          + ResourceIndicators.MAX_LENGTH + " characters in all"));
      return problems;
    }
    for (String value : values) {
      Optional<String> reason = ResourceIndicators.problem(value);
      reason.ifPresent(r -> problems.add(new FieldProblem(field, "'" + shortened(value) + "' " + r)));
    }
    return problems;
  }

  /** The resources of a field without problems; none when it was absent. */
  public static SortedSet<String> of(List<String> values) {
    return values == null ? new TreeSet<>() : new TreeSet<>(values);
  }

  private static String shortened(String value) {
    return value.length() > 80 ? value.substring(0, 77) + "..." : value;
  }
}
