package dev.gatehouse.infrastructure.files;

import dev.gatehouse.protocol.client.Client;
import dev.gatehouse.protocol.client.ClientMetadata;
import dev.gatehouse.protocol.client.ClientMetadataRules;
import dev.gatehouse.protocol.error.FieldProblem;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import dev.gatehouse.infrastructure.json.ClientMetadataJson;
import dev.gatehouse.infrastructure.json.JsonFields;
import dev.gatehouse.infrastructure.json.UserJson;
import dev.gatehouse.protocol.admin.UserSpec;

/**
 * Parses and checks the bootstrap file ({@code GATEHOUSE_BOOTSTRAP_FILE}): clients with RFC 7591 field names, checked
 * by the same {@link ClientMetadataRules} as the admin API, and users. Every problem is collected with the entry it
 * belongs to, so an operator sees all of them at once; a file with any problem is refused whole, never partly
 * applied.
 */
public final class BootstrapFile {

  /** The checked content: clients ready to store (secrets already hashed) and users. */
  public record Content(List<Client> clients, List<UserSpec> users) {}

  private static final JsonProvider JSON = JsonProvider.provider();

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
    try (JsonReader json = JSON.createReader(reader)) {
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

  /** Every client entry, checked by {@link ClientMetadataRules} with the secret supplied in the file. */
  private List<Client> clients(JsonObject root) {
    List<Client> clients = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    List<JsonObject> entries = entries(root, "clients");
    for (int i = 0; i < entries.size(); i++) {
      ClientMetadataJson.Read read = ClientMetadataJson.read(entries.get(i));
      String id = read.metadata().clientId();
      ClientMetadataRules.Checked checked = read.check(ClientMetadataRules.Origin.BOOTSTRAP_FILE);
      String where = checked.problems().stream().anyMatch(p -> p.field().equals(ClientMetadata.CLIENT_ID))
          ? "clients[" + i + "]" : "client '" + id + "'";
      checked.problems().forEach(p -> problems.add(where + ": " + p));
      if (id != null && !seen.add(id)) {
        problems.add(where + ": client_id '" + id + "' appears twice");
      }
      checked.client().ifPresent(clients::add);
    }
    return clients;
  }

  /** Every user entry, checked by the rules of {@link UserSpec}; with {@code roles}, e.g. for the first admin. */
  private List<UserSpec> users(JsonObject root) {
    List<UserSpec> users = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    List<JsonObject> entries = entries(root, "users");
    for (int i = 0; i < entries.size(); i++) {
      UserJson.Read read = UserJson.read(entries.get(i));
      List<FieldProblem> found = read.problems();
      String username = read.spec().username();
      boolean named = found.stream().noneMatch(p -> p.field().equals("username"));
      String where = named ? "user '" + username + "'" : "users[" + i + "]";
      found.forEach(p -> problems.add(where + ": " + p));
      if (named && !seen.add(username)) {
        problems.add(where + ": username '" + username + "' appears twice");
      } else if (found.isEmpty()) {
        users.add(read.spec());
      }
    }
    return users;
  }

  private List<JsonObject> entries(JsonObject root, String key) {
    List<FieldProblem> found = new ArrayList<>();
    List<JsonObject> entries = new JsonFields(root, "", found).objects(key);
    found.forEach(p -> problems.add(p.toString()));
    return entries;
  }
}
