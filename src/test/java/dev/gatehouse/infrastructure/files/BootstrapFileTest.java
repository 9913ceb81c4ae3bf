package dev.gatehouse.infrastructure.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.protocol.admin.UserSpec;
import dev.gatehouse.protocol.client.AccessPolicy;
import dev.gatehouse.protocol.client.Client;
import dev.gatehouse.protocol.client.ClientSecrets;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The bootstrap file: checked whole, every problem named with its entry and field, secrets never repeated. */
class BootstrapFileTest {
  private static final String SECRET = "bootstrap-secret-0123456789abcdefghijkl";

  private static BootstrapFile.Content parse(String json) {
    return BootstrapFile.parse(new StringReader(json), "test.json");
  }

  private static String problems(String json) {
    return assertThrows(IllegalStateException.class, () -> parse(json)).getMessage();
  }

  @Test
  void whenValid_thenClientsAndUsersRead() {
    BootstrapFile.Content content = parse("""
        {"clients": [{"client_id": "intranet", "client_secret": "%s", "redirect_uris": ["https://i.example/cb"],
                      "grant_types": ["authorization_code", "refresh_token"], "scope": "openid profile"}],
         "users": [{"username": "jdoe", "password": "initial-password", "name": "Jane Doe",
                    "email_verified": true, "address": {"country": "US"}}]}
        """.formatted(SECRET));

    Client client = content.clients().get(0);
    assertEquals("intranet", client.clientId());
    assertTrue(ClientSecrets.matches(SECRET, client.secretHash()));
    UserSpec user = content.users().get(0);
    assertEquals("jdoe", user.username());
    assertEquals("Jane Doe", user.profile().name());
    assertTrue(user.profile().emailVerified());
    assertEquals("US", user.profile().address().get("country"));
    assertEquals(null, user.roles(), "no roles in the file: the user's roles are left as they are");
  }

  @Test
  void whenRolesGiven_thenTheFirstAdministratorCanBeCreated() {
    BootstrapFile.Content content = parse("""
        {"users": [{"username": "root", "password": "initial-password", "roles": ["gatehouse-admin"]}]}""");
    assertEquals(java.util.Set.of("gatehouse-admin"), content.users().get(0).roles());
    assertTrue(problems("""
        {"users": [{"username": "root", "password": "initial-password", "roles": ["has space"]}]}""")
        .contains("user 'root': roles: 'has space' is not a role name"));
    assertTrue(problems("""
        {"users": [{"username": "root", "password": "initial-password", "roles": "gatehouse-admin"}]}""")
        .contains("user 'root': roles: must be an array of strings"));
  }

  @Test
  void rfc8707_whenAllowedResourcesGiven_thenTheClientMayAskForThem_andABadOneIsNamed() {
    BootstrapFile.Content content = parse("""
        {"clients": [{"client_id": "svc", "client_secret": "%s", "grant_types": ["client_credentials"],
                      "allowed_resources": ["https://orders.example/api", "urn:example:ledger"]}]}
        """.formatted(SECRET));
    assertEquals(java.util.Set.of("https://orders.example/api", "urn:example:ledger"),
        content.clients().get(0).allowedResources());
    assertTrue(problems("""
        {"clients": [{"client_id": "svc", "client_secret": "%s", "grant_types": ["client_credentials"],
                      "allowed_resources": ["/orders"]}]}
        """.formatted(SECRET)).contains("client 'svc': allowed_resources: '/orders' must be an absolute URI"));
  }

  @Test
  void whenAnAccessPolicyAndFirstPartyAreGiven_thenKept_andABadRoleOrAWrongTypeIsNamed() {
    BootstrapFile.Content content = parse("""
        {"clients": [{"client_id": "payroll", "client_secret": "%s", "redirect_uris": ["https://p.example/cb"],
                      "allowed_roles": ["payroll-clerk"], "allowed_groups": ["Finance Team"], "first_party": true}]}
        """.formatted(SECRET));
    Client client = content.clients().get(0);
    assertEquals(new AccessPolicy(Set.of("payroll-clerk"), Set.of("Finance Team")), client.accessPolicy());
    assertTrue(client.firstParty());
    assertTrue(problems("""
        {"clients": [{"client_id": "payroll", "client_secret": "%s", "redirect_uris": ["https://p.example/cb"],
                      "allowed_roles": ["payroll clerk"]}]}
        """.formatted(SECRET)).contains("client 'payroll': allowed_roles: 'payroll clerk' is not a role name"));
    assertTrue(problems("""
        {"clients": [{"client_id": "payroll", "client_secret": "%s", "redirect_uris": ["https://p.example/cb"],
                      "first_party": "yes"}]}
        """.formatted(SECRET)).contains("client 'payroll': first_party:"));
  }

  /** The example of the README's bootstrap section is a file Gatehouse starts with, as the README says. */
  @Test
  void whenTheReadmeExample_thenValid_withItsFirstPartyClientAndItsAccessPolicy() throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    int section = readme.indexOf("### Clients and users without SQL: the bootstrap file");
    int start = readme.indexOf("```json", section) + "```json".length();
    String example = readme.substring(start, readme.indexOf("```", start));

    BootstrapFile.Content content = parse(example);

    Map<String, Client> clients = content.clients().stream()
        .collect(Collectors.toMap(Client::clientId, Function.identity()));
    assertTrue(clients.get("intranet").firstParty());
    assertEquals(new AccessPolicy(Set.of("payroll-clerk", "gatehouse-admin"), Set.of("Finance Team")),
        clients.get("payroll").accessPolicy());
    assertFalse(clients.get("spa").accessPolicy().restricted());
  }

  @Test
  void whenClaimNamesGiven_thenTheClientsTokensUseThem_andARegisteredClaimIsNamedAsAProblem() {
    BootstrapFile.Content content = parse("""
        {"clients": [{"client_id": "app", "client_secret": "%s", "redirect_uris": ["https://app.example/cb"],
                      "scope": "openid groups roles", "groups_claim_name": "memberOf",
                      "roles_claim_name": "http://schemas.microsoft.com/ws/2008/06/identity/claims/role"}]}
        """.formatted(SECRET));
    assertEquals(new dev.gatehouse.protocol.client.ClaimNames("memberOf",
        "http://schemas.microsoft.com/ws/2008/06/identity/claims/role"), content.clients().get(0).claimNames());
    assertTrue(problems("""
        {"clients": [{"client_id": "app", "client_secret": "%s", "redirect_uris": ["https://app.example/cb"],
                      "groups_claim_name": "sub"}]}
        """.formatted(SECRET)).contains("client 'app': groups_claim_name: 'sub' is a claim with a meaning of its own"));
  }

  @Test
  void whenSeveralEntriesAreBad_thenEveryProblemIsListedWithItsEntryAndField() {
    String message = problems("""
        {"clients": [{"client_id": "a", "client_secret": "%s", "redirect_uris": ["https://a.example/cb#f"]},
                     {"client_id": "b", "client_secret": "too-short", "redirect_uris": ["http://b.example/cb"]},
                     {"client_id": 7},
                     {"client_id": "a", "client_secret": "%s", "redirect_uris": ["https://a.example/cb"]}],
         "users": [{"username": "has space", "password": "long-enough"},
                   {"username": "kim", "password": "short", "email_verified": "yes", "address": {"planet": "x"}},
                   {"username": "kim2", "password": "long-enough"}, {"username": "kim2", "password": "long-enough"}]}
        """.formatted(SECRET, SECRET));

    assertTrue(message.contains("client 'a': redirect_uris: 'https://a.example/cb#f' must not have a fragment"),
        message);
    assertTrue(message.contains("client 'b': client_secret: must have at least 32 characters"), message);
    assertTrue(message.contains("client 'b': redirect_uris: 'http://b.example/cb' must use https"), message);
    assertTrue(message.contains("clients[2]: client_id: must be a string"), message);
    assertTrue(message.contains("client 'a': client_id 'a' appears twice"), message);
    assertTrue(message.contains("users[0]: username: must be 1 to 190 letters, digits and . _ - @ +"), message);
    assertTrue(message.contains("user 'kim': password: must have 8 to 1024 characters"), message);
    assertTrue(message.contains("user 'kim': email_verified: must be true or false"), message);
    assertTrue(message.contains("user 'kim': address.planet: is not one of"), message);
    assertTrue(message.contains("user 'kim2': username 'kim2' appears twice"), message);
    assertTrue(message.contains("11 problem(s), nothing was applied"), message);
    assertFalse(message.contains("too-short"), "a secret is never repeated in a message");
  }

  @Test
  void whenNotAnObjectOrWrongShape_thenRefused() {
    assertTrue(problems("[]").contains("is not a JSON object"));
    assertTrue(problems("{\"clients\": {}}").contains("clients: must be an array"));
    assertTrue(problems("{\"users\": [1]}").contains("users[0]: must be an object"));
  }

  /** The integration tests' file (resource-filtered into the test classpath) is one every IT server starts with. */
  @Test
  void whenTheIntegrationTestsFile_thenValid() throws Exception {
    java.net.URL file = getClass().getResource("/it-bootstrap.json");
    BootstrapFile.Content content = BootstrapFile.read(java.nio.file.Path.of(file.toURI()));
    assertFalse(content.clients().isEmpty());
    assertFalse(content.users().isEmpty());
  }

  @Test
  void whenEmpty_thenNothing() {
    BootstrapFile.Content content = parse("{}");
    assertTrue(content.clients().isEmpty());
    assertTrue(content.users().isEmpty());
  }
}
