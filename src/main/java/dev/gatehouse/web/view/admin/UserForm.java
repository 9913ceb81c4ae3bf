package dev.gatehouse.web.view.admin;

import dev.gatehouse.application.admin.AdminUser;
import dev.gatehouse.protocol.admin.UserProfile;
import dev.gatehouse.protocol.admin.UserSpec;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The user form: the username and first password (new users only), the OpenID Connect standard claims (Core §5.1,
 * the address members as {@code address.<member>}, the names the services' problems carry) and the roles, space
 * separated. No rule lives here: {@code UserRules} decides what is valid. A password is never put back into a form.
 */
final class UserForm {
  static final String USERNAME = "username";
  static final String PASSWORD = "password";
  static final String ROLES = "roles";
  static final List<String> CLAIMS =
      List.of("name", "given_name", "family_name", "email", "phone_number", "locale", "zoneinfo");
  static final List<String> ADDRESS = UserProfile.ADDRESS_MEMBERS.stream().map(m -> "address." + m).toList();
  static final Set<String> FIELDS = Set.copyOf(Stream.of(List.of(USERNAME, PASSWORD, ROLES, "email_verified",
      "phone_number_verified"), CLAIMS, ADDRESS).flatMap(List::stream).toList());

  private UserForm() {}

  static UserSpec spec(HttpServletRequest request) {
    return new UserSpec(FormState.text(request, USERNAME), password(request), profile(request), roles(request));
  }

  /** The password as typed: not trimmed, since spaces may be part of it. */
  static String password(HttpServletRequest request) {
    String value = request.getParameter(PASSWORD);
    return value == null || value.isEmpty() ? null : value;
  }

  static UserProfile profile(HttpServletRequest request) {
    Map<String, String> address = new LinkedHashMap<>();
    for (String member : UserProfile.ADDRESS_MEMBERS) {
      String value = FormState.text(request, "address." + member);
      if (value != null) {
        address.put(member, value);
      }
    }
    return new UserProfile(FormState.text(request, "name"), FormState.text(request, "given_name"),
        FormState.text(request, "family_name"), FormState.text(request, "email"),
        FormState.flag(request, "email_verified"), FormState.text(request, "phone_number"),
        FormState.flag(request, "phone_number_verified"), FormState.text(request, "locale"),
        FormState.text(request, "zoneinfo"), address);
  }

  static Set<String> roles(HttpServletRequest request) {
    String value = FormState.text(request, ROLES);
    return value == null ? Set.of() : new LinkedHashSet<>(Arrays.asList(value.split("\\s+")));
  }

  /** The form as it was sent (without the password), to show again with its problems. */
  static FormState of(String username, UserProfile profile, Set<String> roles) {
    FormState form = new FormState().text(USERNAME, username).text(ROLES, String.join(" ", roles))
        .text("name", profile.name()).text("given_name", profile.givenName())
        .text("family_name", profile.familyName()).text("email", profile.email())
        .flag("email_verified", profile.emailVerified()).text("phone_number", profile.phoneNumber())
        .flag("phone_number_verified", profile.phoneNumberVerified()).text("locale", profile.locale())
        .text("zoneinfo", profile.zoneinfo());
    profile.address().forEach((member, value) -> form.text("address." + member, value));
    return form;
  }

  static FormState of(AdminUser user) {
    return of(user.username(), user.profile(), new java.util.TreeSet<>(user.roles()));
  }
}
