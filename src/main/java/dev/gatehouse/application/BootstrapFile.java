package dev.gatehouse.application;

import dev.gatehouse.protocol.client.AccessTokenFormat;
import dev.gatehouse.protocol.client.Client;
import dev.gatehouse.protocol.client.OidcRegistration;
import dev.gatehouse.protocol.client.ClientSecrets;
import dev.gatehouse.protocol.client.TokenEndpointAuthMethod;
import dev.gatehouse.protocol.error.OAuthException;
import dev.gatehouse.protocol.request.GrantType;
import dev.gatehouse.protocol.scope.Scopes;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses and checks the bootstrap file ({@code GATEHOUSE_BOOTSTRAP_FILE}): clients with RFC 7591 field names and
 * users. Every problem is collected with the entry it belongs to, so an operator sees all of them at once; a file with
 * any problem is refused whole, never partly applied.
 */
public final class BootstrapFile {

  /**
   * A user entry; the password is hashed before it is stored. {@code profile} holds the OpenID Connect standard claims
   * (Core §5.1) under their claim names.
   */
  public record UserSpec(String username, String password, Profile profile) {
    @Override
    public String toString() {
      return "UserSpec[" + username + "]";
    }
  }

  /** A user's standard claims (OpenID Connect Core §5.1); absent ones are null, the address members may be empty. */
  public record Profile(String name, String givenName, String familyName, String email, boolean emailVerified,
      String phoneNumber, boolean phoneNumberVerified, String locale, String zoneinfo, Map<String, String> address) {}

  /** The members of the address claim (OpenID Connect Core §5.1.1). */
  private static final List<String> ADDRESS_MEMBERS =
      List.of("formatted", "street_address", "locality", "region", "postal_code", "country");

  /** The checked content: clients ready to store (secrets already hashed) and users. */
  public record Content(List<Client> clients, List<UserSpec> users) {}

  private static final Pattern CLIENT_ID = Pattern.compile("[\\x21-\\x7E]{1,128}");
  private static final Pattern USERNAME = Pattern.compile("[^\\s\\p{Cntrl}]{1,190}");

  private final List<String> problems = new ArrayList<>();

  private BootstrapFile() {}

  /** Reads and checks the file; throws {@link IllegalStateException} listing every problem. */
  public static Content read(Path file) {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return parse(reader, file.toString());
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read bootstrap file " + file + ": " + e.getMessage(), e);
    }
  }

  static Content parse(Reader reader, String name) {
    JsonObject root;
    try (JsonReader json = Json.createReader(reader)) {
      root = json.readObject();
    } catch (JsonException | IllegalStateException e) {
      throw new IllegalStateException("Bootstrap file " + name + " is not a JSON object: " + e.getMessage(), e);
    }
    BootstrapFile file = new BootstrapFile();
    Content content = new Content(file.clients(root), file.users(root));
    if (!file.problems.isEmpty()) {
      throw new IllegalStateException("Bootstrap file " + name + " has " + file.problems.size()
          + " problem(s), nothing was applied:\n  - " + String.join("\n  - ", file.problems));
    }
    return content;
  }

  private List<Client> clients(JsonObject root) {
    List<Client> clients = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (JsonObject entry : objects(root, "clients")) {
      String where = "clients[" + clients.size() + "]";
      int before = problems.size();
      String id = string(entry, "client_id", where, true);
      if (id != null && !CLIENT_ID.matcher(id).matches()) {
        problems.add(where + ": client_id must be 1 to 128 visible ASCII characters");
      }
      if (id != null && !seen.add(id)) {
        problems.add(where + ": client_id '" + id + "' appears twice");
      }
      where = "client '" + id + "'";
      TokenEndpointAuthMethod method = authMethod(entry, where);
      String secretHash = secret(entry, method, where);
      List<String> uris = redirectUris(entry, where);
      Set<GrantType> grants = grantTypes(entry, where);
      Set<String> scopes = scope(entry, where);
      String name = string(entry, "client_name", where, false);
      boolean rotate = flag(entry, "rotate_refresh_tokens", true, where);
      boolean resourceServer = flag(entry, "resource_server", false, where);
      OidcRegistration oidc = oidc(entry, where);
      if (problems.size() == before) {
        clients.add(new Client(id, name == null ? id : name, method, secretHash, uris, grants, scopes, rotate,
            resourceServer, oidc, false));
      } else {
        clients.add(null);
      }
    }
    clients.removeIf(c -> c == null);
    return clients;
  }

  private TokenEndpointAuthMethod authMethod(JsonObject entry, String where) {
    String value = string(entry, "token_endpoint_auth_method", where, false);
    if (value == null) {
      return TokenEndpointAuthMethod.CLIENT_SECRET_BASIC; // RFC 7591 §2: the default
    }
    return TokenEndpointAuthMethod.fromValue(value).orElseGet(() -> {
      problems.add(where + ": token_endpoint_auth_method must be client_secret_basic, client_secret_post or none");
      return TokenEndpointAuthMethod.CLIENT_SECRET_BASIC;
    });
  }

  private String secret(JsonObject entry, TokenEndpointAuthMethod method, String where) {
    String secret = string(entry, "client_secret", where, false);
    if (method == TokenEndpointAuthMethod.NONE) {
      if (secret != null) {
        problems.add(where + ": a public client (token_endpoint_auth_method none) must not have a client_secret");
      }
      return null;
    }
    if (secret == null) {
      problems.add(where + ": client_secret is required for " + method.value()
          + " (at least " + ClientSecrets.MIN_LENGTH + " characters, e.g. from `openssl rand -base64 32`)");
      return null;
    }
    if (secret.length() < ClientSecrets.MIN_LENGTH) {
      problems.add(where + ": client_secret must have at least " + ClientSecrets.MIN_LENGTH + " characters");
      return null;
    }
    return ClientSecrets.hash(secret);
  }

  /**
   * The OpenID Connect registration fields (Registration §2, RP-Initiated Logout §3.1, Back-Channel Logout §2.2) and
   * {@code access_token_format} ({@code opaque} or {@code jwt}, a Gatehouse field: RFC 9068 defines none).
   */
  private OidcRegistration oidc(JsonObject entry, String where) {
    String alg = string(entry, "id_token_signed_response_alg", where, false);
    if (alg != null && !OidcRegistration.ID_TOKEN_ALGORITHMS.contains(alg)) {
      problems.add(where + ": id_token_signed_response_alg must be RS256 or ES256");
      alg = null;
    }
    String format = string(entry, "access_token_format", where, false);
    AccessTokenFormat accessTokenFormat = format == null ? AccessTokenFormat.OPAQUE
        : AccessTokenFormat.fromValue(format).orElseGet(() -> {
          problems.add(where + ": access_token_format must be opaque or jwt");
          return AccessTokenFormat.OPAQUE;
        });
    List<String> postLogout = uris(entry, "post_logout_redirect_uris", where);
    String backchannel = string(entry, "backchannel_logout_uri", where, false);
    if (backchannel != null && backchannelUriProblem(backchannel) != null) {
      problems.add(where + ": backchannel_logout_uri '" + backchannel + "' " + backchannelUriProblem(backchannel));
      backchannel = null;
    }
    return new OidcRegistration(alg == null ? "RS256" : alg, accessTokenFormat, postLogout,
        Optional.ofNullable(backchannel));
  }

  /**
   * Back-Channel Logout 1.0 §2.2: an absolute http or https URI that "MAY contain port, path, and query parameter
   * components" but "MUST NOT include any fragment component". Unlike a redirect URI, plain http to an intranet host
   * is accepted here: the operator registers these, and legacy applications live there.
   */
  static String backchannelUriProblem(String uri) {
    try {
      URI parsed = new URI(uri);
      String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(java.util.Locale.ROOT);
      if (!parsed.isAbsolute() || parsed.getHost() == null || !(scheme.equals("http") || scheme.equals("https"))) {
        return "must be an absolute http or https URI";
      }
      return parsed.getRawFragment() == null ? null : "must not have a fragment";
    } catch (URISyntaxException e) {
      return "is not a valid URI";
    }
  }

  private List<String> redirectUris(JsonObject entry, String where) {
    return uris(entry, "redirect_uris", where);
  }

  /** A list of redirect-like URIs, each checked by {@link #redirectUriProblem}; duplicates dropped. */
  private List<String> uris(JsonObject entry, String key, String where) {
    List<String> uris = new ArrayList<>();
    for (String uri : strings(entry, key, where)) {
      String problem = redirectUriProblem(uri);
      if (problem != null) {
        problems.add(where + ": redirect URI '" + uri + "' " + problem);
      } else if (!uris.contains(uri)) {
        uris.add(uri);
      }
    }
    return uris;
  }

  /** RFC 6749 §3.1.2: absolute, no fragment; https, or http on a loopback host (RFC 8252 §7.3). */
  static String redirectUriProblem(String uri) {
    try {
      URI parsed = new URI(uri);
      if (!parsed.isAbsolute() || parsed.isOpaque()) {
        return "must be an absolute URI";
      }
      if (parsed.getRawFragment() != null) {
        return "must not have a fragment (RFC 6749 §3.1.2)";
      }
      String scheme = parsed.getScheme().toLowerCase(java.util.Locale.ROOT);
      String host = parsed.getHost() == null ? "" : parsed.getHost();
      boolean loopback = host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]");
      if (scheme.equals("http") && !loopback) {
        return "must use https (http is allowed for localhost, 127.0.0.1 and [::1] only)";
      }
      return null;
    } catch (URISyntaxException e) {
      return "is not a valid URI";
    }
  }

  private Set<GrantType> grantTypes(JsonObject entry, String where) {
    Set<GrantType> grants = EnumSet.noneOf(GrantType.class);
    List<String> values = entry.containsKey("grant_types") ? strings(entry, "grant_types", where)
        : List.of(GrantType.AUTHORIZATION_CODE.value()); // RFC 7591 §2: the default
    for (String value : values) {
      GrantType.fromValue(value).ifPresentOrElse(grants::add,
          () -> problems.add(where + ": grant type '" + value + "' is not supported"));
    }
    return grants;
  }

  private Set<String> scope(JsonObject entry, String where) {
    String value = string(entry, "scope", where, false);
    try {
      return Scopes.parse(value);
    } catch (OAuthException e) {
      problems.add(where + ": scope is not a space-separated list of scope tokens (RFC 6749 §3.3)");
      return Set.of();
    }
  }

  private List<UserSpec> users(JsonObject root) {
    List<UserSpec> users = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    int index = 0;
    for (JsonObject entry : objects(root, "users")) {
      String where = "users[" + index++ + "]";
      int before = problems.size();
      String username = string(entry, "username", where, true);
      if (username != null && !USERNAME.matcher(username).matches()) {
        problems.add(where + ": username must be 1 to 190 characters without spaces");
      } else if (username != null && !seen.add(username)) {
        problems.add(where + ": username '" + username + "' appears twice");
      }
      String password = string(entry, "password", "user '" + username + "'", true);
      if (password != null && password.length() < 8) {
        problems.add("user '" + username + "': password must have at least 8 characters");
      }
      Profile profile = new Profile(string(entry, "name", where, false), string(entry, "given_name", where, false),
          string(entry, "family_name", where, false), string(entry, "email", where, false),
          flag(entry, "email_verified", false, where), string(entry, "phone_number", where, false),
          flag(entry, "phone_number_verified", false, where), string(entry, "locale", where, false),
          string(entry, "zoneinfo", where, false), address(entry, where));
      if (problems.size() == before) {
        users.add(new UserSpec(username, password, profile));
      }
    }
    return users;
  }

  /** The address claim: an object of the §5.1.1 string members, or absent. */
  private Map<String, String> address(JsonObject entry, String where) {
    JsonValue value = entry.get("address");
    Map<String, String> address = new LinkedHashMap<>();
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return address;
    }
    if (!(value instanceof JsonObject object)) {
      problems.add(where + ": address must be an object (OpenID Connect Core §5.1.1)");
      return address;
    }
    for (String member : object.keySet()) {
      if (!ADDRESS_MEMBERS.contains(member)) {
        problems.add(where + ": address member '" + member + "' is not one of " + ADDRESS_MEMBERS);
      } else {
        String text = string(object, member, where + ": address", false);
        if (text != null) {
          address.put(member, text);
        }
      }
    }
    return address;
  }

  private boolean flag(JsonObject entry, String key, boolean absent, String where) {
    JsonValue value = entry.get(key);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return absent;
    }
    if (value != JsonValue.TRUE && value != JsonValue.FALSE) {
      problems.add(where + ": " + key + " must be true or false");
      return absent;
    }
    return value == JsonValue.TRUE;
  }

  private List<JsonObject> objects(JsonObject root, String key) {
    List<JsonObject> list = new ArrayList<>();
    JsonValue value = root.get(key);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return list;
    }
    if (!(value instanceof JsonArray array)) {
      problems.add(key + " must be an array");
      return list;
    }
    for (JsonValue item : array) {
      if (item instanceof JsonObject object) {
        list.add(object);
      } else {
        problems.add(key + "[" + list.size() + "] must be an object");
      }
    }
    return list;
  }

  private String string(JsonObject entry, String key, String where, boolean required) {
    JsonValue value = entry.get(key);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      if (required) {
        problems.add(where + ": " + key + " is required");
      }
      return null;
    }
    if (!(value instanceof JsonString s)) {
      problems.add(where + ": " + key + " must be a string");
      return null;
    }
    return s.getString();
  }

  private List<String> strings(JsonObject entry, String key, String where) {
    JsonValue value = entry.get(key);
    List<String> list = new ArrayList<>();
    if (value == null) {
      return list;
    }
    if (!(value instanceof JsonArray array)) {
      problems.add(where + ": " + key + " must be an array of strings");
      return list;
    }
    for (JsonValue item : array) {
      if (item instanceof JsonString s) {
        list.add(s.getString());
      } else {
        problems.add(where + ": " + key + " must be an array of strings");
      }
    }
    return list;
  }
}
