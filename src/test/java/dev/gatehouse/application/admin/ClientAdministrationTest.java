package dev.gatehouse.application.admin;

import static dev.gatehouse.application.admin.AdminFakes.ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.protocol.client.Client;
import dev.gatehouse.protocol.client.ClientMetadata;
import dev.gatehouse.protocol.client.ClientSecrets;
import dev.gatehouse.protocol.error.FieldProblem;
import dev.gatehouse.protocol.error.InvalidFieldsException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Secrets shown once, conflicts, full updates, deletion and rotation, over in-memory stores. */
class ClientAdministrationTest {
  private final ClientAdministration service = new ClientAdministration();
  private final AdminFakes.Clients clients = new AdminFakes.Clients();
  private final AdminFakes.Revocations revocations = new AdminFakes.Revocations();
  private final AdminFakes.Changes changes = new AdminFakes.Changes();

  @BeforeEach
  void wire() {
    service.clients = clients;
    service.admin = new AdminFakes.Administration(clients);
    service.revocation = revocations;
    service.changes = changes;
    service.clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
  }

  private static ClientMetadata web(String id, String method) {
    return new ClientMetadata(id, "Web " + id, method, null, List.of("https://app.example/cb"), null, "openid",
        null, null, null, null, null, null);
  }

  @Test
  void rfc7591_3_2_1_whenConfidentialCreated_thenSecretReturnedOnceAndOnlyItsHashStored() {
    ClientAdministration.WithSecret created = service.create(ADMIN, web("app", null));

    String secret = created.secret().orElseThrow();
    assertTrue(secret.length() >= ClientSecrets.MIN_LENGTH);
    assertTrue(ClientSecrets.matches(secret, clients.rows.get("app").secretHash()));
    assertFalse(created.toString().contains(secret));
    assertEquals(List.of("client.create client:app"), changes.recorded);
  }

  @Test
  void whenPublicCreated_thenNoSecret() {
    ClientAdministration.WithSecret created = service.create(ADMIN, web("spa", "none"));
    assertTrue(created.secret().isEmpty());
    assertNull(clients.rows.get("spa").secretHash());
  }

  @Test
  void whenClientIdAbsent_thenGenerated() {
    String id = service.create(ADMIN, web(null, null)).client().clientId();
    assertTrue(id.length() >= 32, id);
  }

  @Test
  void whenClientIdTaken_thenConflictAndNothingChanged() {
    service.create(ADMIN, web("app", null));
    String hash = clients.rows.get("app").secretHash();

    AdministrationException e = assertThrows(AdministrationException.class,
        () -> service.create(ADMIN, web("app", null)));

    assertEquals(AdministrationException.Kind.CONFLICT, e.kind());
    assertEquals("client_id", e.field());
    assertEquals(hash, clients.rows.get("app").secretHash());
  }

  @Test
  void rfc7591_3_2_2_whenFieldsBad_thenEveryProblemNamedAndNothingStored() {
    ClientMetadata bad = new ClientMetadata("app", null, null, "chosen-secret-0123456789abcdefghijklmn",
        List.of("http://app.example/cb#x"), null, null, null, null, null, null, null, null);

    InvalidFieldsException e = assertThrows(InvalidFieldsException.class, () -> service.create(ADMIN, bad));

    assertEquals(List.of("client_secret", "redirect_uris"), e.problems().stream().map(FieldProblem::field).toList());
    assertTrue(clients.rows.isEmpty());
    assertTrue(changes.recorded.isEmpty());
  }

  @Test
  void rfc7592_2_2_whenUpdated_thenFieldsReplacedAndSecretKept() {
    service.create(ADMIN, web("app", null));
    String hash = clients.rows.get("app").secretHash();

    ClientAdministration.WithSecret updated = service.update(ADMIN, "app", new ClientMetadata(null, "Renamed", null,
        null, List.of("https://app.example/other"), null, null, null, null, null, null, null, null));

    assertTrue(updated.secret().isEmpty(), "the secret is not shown again");
    Client stored = clients.rows.get("app");
    assertEquals("Renamed", stored.clientName());
    assertEquals(List.of("https://app.example/other"), stored.redirectUris());
    assertTrue(stored.scopes().isEmpty(), "an absent field gets its default in a full update");
    assertEquals(hash, stored.secretHash());
  }

  @Test
  void rfc8707_whenUpdatedWithAllowedResources_thenStored_andAnUpdateWithoutThemClearsThem() {
    service.create(ADMIN, web("app", null));
    ClientMetadata withResources = new ClientMetadata(null, "Web app", null, null, List.of("https://app.example/cb"),
        null, "openid", null, null, null, null, null, null, List.of("https://orders.example/api"));

    service.update(ADMIN, "app", withResources);
    assertEquals(java.util.Set.of("https://orders.example/api"), clients.rows.get("app").allowedResources());

    service.update(ADMIN, "app", web(null, null));
    assertTrue(clients.rows.get("app").allowedResources().isEmpty(), "a full update: an absent field is none");
  }

  private static ClientMetadata firstParty(Boolean firstParty, List<String> roles) {
    return new ClientMetadata(null, "Web app", null, null, List.of("https://app.example/cb"), null, "openid", null,
        null, null, null, null, null, null, roles, null, firstParty, null, null);
  }

  @Test
  void whenAnOperatorClientIsMadeFirstPartyAndRestricted_thenStored() {
    service.create(ADMIN, web("app", null));

    service.update(ADMIN, "app", firstParty(true, List.of("staff")));

    assertTrue(clients.rows.get("app").firstParty());
    assertEquals(java.util.Set.of("staff"), clients.rows.get("app").accessPolicy().roles());
  }

  @Test
  void whenASelfRegisteredClientIsMadeFirstParty_thenRefused_butItMayBeRestricted() {
    service.create(ADMIN, web("dcr", null));
    clients.rows.put("dcr", clients.rows.get("dcr").toBuilder().dynamicallyRegistered(true).build());

    InvalidFieldsException e = assertThrows(InvalidFieldsException.class,
        () -> service.update(ADMIN, "dcr", firstParty(true, null)));
    assertEquals("first_party", e.problems().get(0).field());
    assertFalse(clients.rows.get("dcr").firstParty());

    service.update(ADMIN, "dcr", firstParty(false, List.of("staff")));
    assertTrue(clients.rows.get("dcr").accessPolicy().restricted());
    assertTrue(clients.rows.get("dcr").dynamicallyRegistered());
  }

  @Test
  void whenPublicClientBecomesConfidential_thenASecretIsMadeAndShownOnce() {
    service.create(ADMIN, web("spa", "none"));

    ClientAdministration.WithSecret updated = service.update(ADMIN, "spa", web(null, "client_secret_post"));

    assertTrue(ClientSecrets.matches(updated.secret().orElseThrow(), clients.rows.get("spa").secretHash()));
    assertNull(service.update(ADMIN, "spa", web("spa", "none")).client().secretHash(), "public again: no secret");
  }

  @Test
  void whenUpdateNamesAnotherClientId_thenRefused() {
    service.create(ADMIN, web("app", null));
    InvalidFieldsException e = assertThrows(InvalidFieldsException.class,
        () -> service.update(ADMIN, "app", web("other", null)));
    assertEquals("client_id", e.problems().get(0).field());
  }

  @Test
  void whenUnknownClient_thenNotFound() {
    assertEquals(AdministrationException.Kind.NOT_FOUND, assertThrows(AdministrationException.class,
        () -> service.update(ADMIN, "nope", web(null, null))).kind());
    assertEquals(AdministrationException.Kind.NOT_FOUND, assertThrows(AdministrationException.class,
        () -> service.delete(ADMIN, "nope")).kind());
    assertEquals(AdministrationException.Kind.NOT_FOUND, assertThrows(AdministrationException.class,
        () -> service.rotateSecret(ADMIN, "nope")).kind());
  }

  @Test
  void whenDeleted_thenItsTokensAreRevokedAndItIsGone() {
    service.create(ADMIN, web("app", null));

    service.delete(ADMIN, "app");

    assertEquals(List.of("client:app"), revocations.revoked);
    assertTrue(clients.rows.isEmpty());
    assertEquals("client.delete client:app tokens_revoked=3", changes.recorded.get(1));
  }

  @Test
  void whenSecretRotated_thenOnlyTheNewSecretMatches() {
    String old = service.create(ADMIN, web("app", null)).secret().orElseThrow();

    String fresh = service.rotateSecret(ADMIN, "app").secret().orElseThrow();

    assertFalse(ClientSecrets.matches(old, clients.rows.get("app").secretHash()));
    assertTrue(ClientSecrets.matches(fresh, clients.rows.get("app").secretHash()));
    assertEquals("client.rotate_secret client:app", changes.recorded.get(1));
  }

  @Test
  void whenPublicClientRotated_thenConflict() {
    service.create(ADMIN, web("spa", "none"));
    assertEquals(AdministrationException.Kind.CONFLICT, assertThrows(AdministrationException.class,
        () -> service.rotateSecret(ADMIN, "spa")).kind());
  }
}
