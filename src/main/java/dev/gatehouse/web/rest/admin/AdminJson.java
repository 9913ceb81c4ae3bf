package dev.gatehouse.web.rest.admin;

import dev.gatehouse.application.admin.AccessAdministration;
import dev.gatehouse.application.admin.AdminUser;
import dev.gatehouse.application.admin.ClientAdministration;
import dev.gatehouse.infrastructure.json.ClientMetadataJson;
import dev.gatehouse.application.admin.Paging;
import dev.gatehouse.protocol.admin.UserProfile;
import dev.gatehouse.protocol.client.Client;
import dev.gatehouse.protocol.scope.Scopes;
import dev.gatehouse.protocol.session.SsoSession;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.Collection;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The admin API's JSON: clients in RFC 7591 form ({@link ClientMetadataJson}), users with their OpenID Connect claim
 * names, sessions, consents and grants, and pages of them ({@code items}, {@code total}, {@code offset}, {@code
 * limit}). Times are RFC 3339 strings (UTC). Nothing here ever holds a password, a token, or a hash of one.
 */
final class AdminJson {
  private AdminJson() {}

  static JsonObject client(Client client) {
    return clientJson(client).build();
  }

  /**
   * A client and the secret that was just made for it: RFC 7591 §3.2.1 returns {@code client_secret} with {@code
   * client_secret_expires_at} 0 ("will not expire"). The one answer in which a secret ever appears.
   */
  static String clientWithSecret(ClientAdministration.WithSecret created) {
    JsonObjectBuilder json = clientJson(created.client());
    created.secret().ifPresent(secret -> json.add("client_secret", secret).add("client_secret_expires_at", 0));
    return json.build().toString();
  }

  private static JsonObjectBuilder clientJson(Client client) {
    return ClientMetadataJson.write(client).add("dynamically_registered", client.dynamicallyRegistered());
  }

  static JsonObject user(AdminUser user) {
    UserProfile p = user.profile();
    JsonObjectBuilder json = Problems.JSON.createObjectBuilder()
        .add("sub", user.subject())
        .add("username", user.username())
        .add("source", user.source())
        .add("editable", user.editable())
        .add("disabled", user.disabled())
        .add("roles", strings(new TreeSet<>(user.roles())));
    optional(json, "name", p.name());
    optional(json, "given_name", p.givenName());
    optional(json, "family_name", p.familyName());
    optional(json, "email", p.email());
    json.add("email_verified", p.emailVerified());
    optional(json, "phone_number", p.phoneNumber());
    json.add("phone_number_verified", p.phoneNumberVerified());
    optional(json, "locale", p.locale());
    optional(json, "zoneinfo", p.zoneinfo());
    if (!p.address().isEmpty()) {
      JsonObjectBuilder address = Problems.JSON.createObjectBuilder();
      p.address().forEach(address::add);
      json.add("address", address);
    }
    return json.add("created_at", time(user.createdAt())).add("updated_at", time(user.updatedAt())).build();
  }

  static JsonObject session(AccessAdministration.Session s) {
    SsoSession session = s.session();
    return Problems.JSON.createObjectBuilder()
        .add("sid", session.sid())
        .add("sub", session.subject())
        .add("username", session.username())
        .add("auth_time", time(session.authTime()))
        .add("created_at", time(session.createdAt()))
        .add("last_seen_at", time(session.lastSeenAt()))
        .add("expires_at", time(session.expiresAt()))
        .add("clients", strings(s.clients()))
        .build();
  }

  static JsonObject consent(AccessAdministration.Consent c) {
    return Problems.JSON.createObjectBuilder()
        .add("sub", c.subject())
        .add("client_id", c.clientId())
        .add("scope", Scopes.format(c.scopes()))
        .add("granted_at", time(c.grantedAt()))
        .build();
  }

  static JsonObject grant(AccessAdministration.Grant g) {
    JsonObjectBuilder json = Problems.JSON.createObjectBuilder()
        .add("grant_id", g.grantId())
        .add("client_id", g.clientId());
    optional(json, "sub", g.subject());
    json.add("kind", g.subject() == null ? "client_credentials" : "authorization_code")
        .add("scope", Scopes.format(g.scopes()))
        .add("created_at", time(g.createdAt()))
        .add("expires_at", time(g.expiresAt()));
    optional(json, "sid", g.sessionId());
    return json.build();
  }

  static <T> String page(Paging.Page<T> page, Function<T, JsonObject> item) {
    JsonArrayBuilder items = Problems.JSON.createArrayBuilder();
    page.items().forEach(i -> items.add(item.apply(i)));
    return Problems.JSON.createObjectBuilder()
        .add("items", items)
        .add("total", page.total())
        .add("offset", page.offset())
        .add("limit", page.limit())
        .build().toString();
  }

  private static JsonArrayBuilder strings(Collection<String> values) {
    JsonArrayBuilder array = Problems.JSON.createArrayBuilder();
    values.forEach(array::add);
    return array;
  }

  private static void optional(JsonObjectBuilder json, String name, String value) {
    if (value != null) {
      json.add(name, value);
    }
  }

  private static String time(Instant instant) {
    return instant.toString();
  }
}
