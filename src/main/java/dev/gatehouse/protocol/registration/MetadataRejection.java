package dev.gatehouse.protocol.registration;

import dev.gatehouse.protocol.client.ClientMetadata;
import dev.gatehouse.protocol.error.FieldProblem;
import dev.gatehouse.protocol.error.OAuthErrorCode;
import dev.gatehouse.protocol.error.OAuthException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns the problems the common registration checks found into the one error RFC 7591 §3.2.2 answers with: {@code
 * invalid_redirect_uri} when a redirect URI is at fault ("The value of one or more redirection URIs is invalid"),
 * otherwise {@code invalid_client_metadata}. The description names the fields, from the fixed set of metadata names,
 * never the values sent; the reasons go to the log, control characters replaced.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7591#section-3.2.2">RFC 7591 §3.2.2</a>
 */
public final class MetadataRejection {
  private MetadataRejection() {}

  /** The error for {@code problems} (at least one). */
  public static OAuthException of(List<FieldProblem> problems) {
    List<String> fields = problems.stream().map(FieldProblem::field).distinct().sorted().toList();
    OAuthErrorCode code = fields.contains(ClientMetadata.REDIRECT_URIS)
        ? OAuthErrorCode.INVALID_REDIRECT_URI : OAuthErrorCode.INVALID_CLIENT_METADATA;
    // The reasons may quote what the caller sent: no line breaks or other control characters reach the log line.
    return new OAuthException(code, "Invalid client metadata: " + String.join(", ", fields) + ".",
        problems.stream().map(FieldProblem::toString).collect(Collectors.joining("; "))
            .replaceAll("\\p{Cntrl}", "?"));
  }
}
