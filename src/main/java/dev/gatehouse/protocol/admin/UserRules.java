package dev.gatehouse.protocol.admin;

import dev.gatehouse.protocol.error.FieldProblem;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The rules for users of the built-in store, wherever they are written (bootstrap file, admin API, console): the
 * username, the password, the roles, and the lengths of the OpenID Connect standard claims (OpenID Connect Core
 * §5.1) that their columns can hold. A value the database would refuse is refused here first, with its field named.
 */
public final class UserRules {
  /**
   * A username of the built-in store: Unicode letters, combining marks and decimal digits (every script, and
   * accented names), and {@code . _ - @ +} (so that an e-mail address, {@code first.last} and {@code svc-backup}
   * fit), beginning with a letter or a digit; at most {@value #MAX_USERNAME} characters. Nothing else: no space, no
   * markup or quoting character ({@code < > " ' & = ` \}), no control or format character (bidirectional overrides,
   * zero-width characters). A username is shown on pages, in the audit trail and in log lines, and it is what
   * administrators type and search for; a name that is plain text everywhere needs no care anywhere. A leading
   * punctuation mark is refused because {@code -x} reads as an option to a command-line tool and {@code .} or
   * {@code ..} as a path; a name not in Unicode normalization form C is refused because it would look exactly like
   * another. Directory usernames are not held to it: they come from the directory.
   */
  private static final Pattern USERNAME = Pattern.compile("[\\p{L}\\p{Nd}][\\p{L}\\p{M}\\p{Nd}._\\-@+]*");
  /** The column holds 190 (a utf8mb4 index limit). */
  public static final int MAX_USERNAME = 190;
  /** A role name: no spaces (the column is space-separated). */
  private static final Pattern ROLE = Pattern.compile("[A-Za-z0-9._:\\-]{1,64}");
  /** NIST SP 800-63B §5.1.1.2: at least 8 characters. */
  public static final int MIN_PASSWORD = 8;
  /** A bound on the hashing work one request can ask for; long enough for any passphrase. */
  public static final int MAX_PASSWORD = 1024;
  public static final int MAX_ROLES_LENGTH = 1000;

  /** The longest value each string claim's column holds. */
  public static final Map<String, Integer> CLAIM_LENGTHS = Map.of("name", 200, "given_name", 200,
      "family_name", 200, "email", 254, "phone_number", 64, "locale", 35, "zoneinfo", 64);
  /** The address claim (a JSON object, Core §5.1.1): each member at most this long. */
  public static final int MAX_ADDRESS_MEMBER = 500;

  private UserRules() {}

  public static List<FieldProblem> username(String username) {
    if (username == null) {
      return List.of(new FieldProblem("username", "is required"));
    }
    if (username.length() > MAX_USERNAME || !USERNAME.matcher(username).matches()) {
      return List.of(new FieldProblem("username", "must be 1 to " + MAX_USERNAME + " letters, digits and . _ - @ +,"
          + " beginning with a letter or a digit"));
    }
    // "é" typed as e and a combining accent would be a second user who looks exactly like the first.
    return Normalizer.isNormalized(username, Normalizer.Form.NFC) ? List.of()
        : List.of(new FieldProblem("username", "must be in Unicode normalization form C (NFC)"));
  }

  /** The password's problems; the password itself never appears in one. */
  public static List<FieldProblem> password(String password) {
    if (password == null) {
      return List.of(new FieldProblem("password", "is required"));
    }
    if (password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
      return List.of(new FieldProblem("password", "must have " + MIN_PASSWORD + " to " + MAX_PASSWORD
          + " characters"));
    }
    return List.of();
  }

  /** Whether {@code role} is a role name: 1 to 64 letters, digits and {@code . _ : -}. */
  public static boolean isRoleName(String role) {
    return role != null && ROLE.matcher(role).matches();
  }

  public static List<FieldProblem> roles(Collection<String> roles) {
    List<FieldProblem> problems = new ArrayList<>();
    for (String role : roles) {
      if (!isRoleName(role)) {
        problems.add(new FieldProblem("roles",
            "'" + shorten(role) + "' is not a role name (letters, digits, . _ : -)"));
      }
    }
    if (String.join(" ", roles).length() > MAX_ROLES_LENGTH) {
      problems.add(new FieldProblem("roles", "are longer than " + MAX_ROLES_LENGTH + " characters in all"));
    }
    return problems;
  }

  /** The string claims by name (absent ones may be missing or null) and the address members. */
  public static List<FieldProblem> claims(Map<String, String> claims, Map<String, String> address) {
    List<FieldProblem> problems = new ArrayList<>();
    claims.forEach((name, value) -> {
      Integer max = CLAIM_LENGTHS.get(name);
      if (value != null && max != null && value.length() > max) {
        problems.add(new FieldProblem(name, "is longer than " + max + " characters"));
      }
    });
    address.forEach((member, value) -> {
      if (value.length() > MAX_ADDRESS_MEMBER) {
        problems.add(new FieldProblem("address." + member, "is longer than " + MAX_ADDRESS_MEMBER + " characters"));
      }
    });
    return problems;
  }

  private static String shorten(String value) {
    return value.length() > 40 ? value.substring(0, 37) + "..." : value;
  }
}
