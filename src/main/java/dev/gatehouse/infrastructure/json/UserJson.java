package dev.gatehouse.infrastructure.json;

import dev.gatehouse.protocol.error.FieldProblem;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import dev.gatehouse.protocol.admin.UserProfile;
import dev.gatehouse.protocol.admin.UserSpec;

/**
 * A user entry as JSON, for the bootstrap file and the admin API: {@code username}, {@code password}, the OpenID
 * Connect standard claims under their claim names (Core §5.1), and {@code roles} (an array of role names). A member of
 * the wrong type is a {@link FieldProblem}; {@link Read#problems(boolean)} adds the rules of {@link UserSpec}.
 */
public final class UserJson {
  private UserJson() {}

  /** What was read (a badly typed member reads as absent) and its type problems. */
  public record Read(UserSpec spec, List<FieldProblem> typeProblems) {
    public Read {
      typeProblems = List.copyOf(typeProblems);
    }

    /** Every problem: the type problems, then the rules' ({@link JsonFields#merge}). */
    public List<FieldProblem> problems() {
      return JsonFields.merge(typeProblems, spec.problems());
    }

    /** Every problem of a profile-and-roles update: username and password are not part of one. */
    public List<FieldProblem> profileProblems() {
      List<FieldProblem> rules = new ArrayList<>(spec.profile().problems());
      if (spec.roles() != null) {
        rules.addAll(dev.gatehouse.protocol.admin.UserRules.roles(spec.roles()));
      }
      return JsonFields.merge(typeProblems.stream()
          .filter(p -> !p.field().equals("username") && !p.field().equals("password")).toList(), rules);
    }
  }

  public static Read read(JsonObject json) {
    List<FieldProblem> problems = new ArrayList<>();
    JsonFields f = new JsonFields(json, "", problems);
    String username = f.string("username");
    String password = f.string("password");
    UserProfile profile = new UserProfile(f.string("name"), f.string("given_name"), f.string("family_name"),
        f.string("email"), Boolean.TRUE.equals(f.flag("email_verified")), f.string("phone_number"),
        Boolean.TRUE.equals(f.flag("phone_number_verified")), f.string("locale"), f.string("zoneinfo"),
        address(f.object("address"), problems));
    List<String> roles = f.strings("roles");
    return new Read(new UserSpec(username, password, profile, roles == null ? null : new LinkedHashSet<>(roles)),
        problems);
  }

  /** The address claim: an object of the §5.1.1 string members, or absent. */
  private static Map<String, String> address(JsonObject object, List<FieldProblem> problems) {
    Map<String, String> address = new LinkedHashMap<>();
    if (object == null) {
      return address;
    }
    JsonFields f = new JsonFields(object, "address.", problems);
    for (String member : object.keySet()) {
      if (!UserProfile.ADDRESS_MEMBERS.contains(member)) {
        f.problem(member, "is not one of " + UserProfile.ADDRESS_MEMBERS + " (OpenID Connect Core §5.1.1)");
      } else {
        String text = f.string(member);
        if (text != null) {
          address.put(member, text);
        }
      }
    }
    return address;
  }
}
