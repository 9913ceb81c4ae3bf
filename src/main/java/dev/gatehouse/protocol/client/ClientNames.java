package dev.gatehouse.protocol.client;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * The character policy of a client's display name ({@code client_name}, RFC 7591 §2), the one piece of display
 * metadata Gatehouse keeps, shown on the consent page and in the administration: Unicode letters and combining marks
 * (so every script and accented name fits), decimal digits, the ASCII space, dashes (the hyphen-minus and Unicode's
 * others: "Portal – Intranet"), the typographic apostrophe ’, and {@code . , : ; ! ? ( ) [ ] / & ' + _ @ # %}; at
 * most {@value #MAX_LENGTH} characters, not blank, no space at either end.
 *
 * <p>Refused, among the rest: {@code < > " ` { } = \ $ |}, which make markup, attributes, template expressions and
 * shell text; control characters; format characters (Unicode category Cf: the bidirectional overrides such as
 * U+202E, which make a name read backwards, and zero-width characters, which make two names look alike); every space
 * but U+0020; symbols and emoji. Pages escape every value anyway: this is the second line, so that a registration
 * cannot carry markup into a page that forgets, into an e-mail, or into someone else's tool.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7591#section-2">RFC 7591 §2 (client_name)</a>
 */
public final class ClientNames {
  /** The longest name; the column holds 200. */
  public static final int MAX_LENGTH = 200;

  private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{M}\\p{Nd}\\p{Pd}\u2019 .,:;!?()\\[\\]/&'+_@#%]");

  private ClientNames() {}

  /** Why {@code name} is refused, or empty when it is acceptable; the refused character is named by code point. */
  public static Optional<String> problem(String name) {
    if (name.isBlank() || name.length() > MAX_LENGTH) {
      return Optional.of("must be 1 to " + MAX_LENGTH + " characters, not blank");
    }
    if (name.startsWith(" ") || name.endsWith(" ")) {
      return Optional.of("must not begin or end with a space");
    }
    OptionalInt refused = name.codePoints().filter(c -> !ALLOWED.matcher(Character.toString(c)).matches())
        .findFirst();
    return refused.isEmpty() ? Optional.empty()
        : Optional.of("contains " + String.format("U+%04X", refused.getAsInt()) + ", which is not allowed"
            + " (letters, digits, spaces, dashes and . , : ; ! ? ( ) [ ] / & ' ’ + _ @ # % are)");
  }
}
