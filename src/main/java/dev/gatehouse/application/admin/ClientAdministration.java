package dev.gatehouse.application.admin;

import dev.gatehouse.protocol.admin.AdminActor;
import dev.gatehouse.protocol.client.Client;
import dev.gatehouse.protocol.client.ClientMetadata;
import dev.gatehouse.protocol.client.ClientMetadataRules;
import dev.gatehouse.protocol.client.ClientSecrets;
import dev.gatehouse.protocol.error.InvalidFieldsException;
import dev.gatehouse.protocol.store.AdministrationStore;
import dev.gatehouse.protocol.store.ClientRegistry;
import dev.gatehouse.protocol.support.RandomTokens;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import dev.gatehouse.application.oauth.GrantRevocationService;

/**
 * Registered clients, for the administration (admin API and console): list, read, create, replace, delete, and
 * rotate a secret. Secrets are generated here ({@link ClientSecrets#generate()}, 256 random bits), stored only as
 * hashes, and returned exactly once: by the creation or the rotation that made them. Every change is one
 * transaction and is recorded through {@link AdminChanges}.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7591#section-3.2.1">RFC 7591 §3.2.1 (secret in the response)</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7592#section-2.2">RFC 7592 §2.2 (a full update)</a>
 */
@Stateless
public class ClientAdministration {

  /** A client, with the secret that was just made for it (shown once), if one was. */
  public record WithSecret(Client client, Optional<String> secret) {
    @Override
    public String toString() {
      return "WithSecret[" + client.clientId() + ", secret " + (secret.isPresent() ? "(hidden)" : "none") + "]";
    }
  }

  @Inject ClientRegistry clients;
  @Inject AdministrationStore admin;
  @Inject GrantRevocationService revocation;
  @Inject AdminChanges changes;
  @Inject Clock clock;

  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Paging.Page<Client> list(Paging paging) {
    return paging.page(admin.clients(paging.offset(), paging.limit()), admin.clientCount());
  }

  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Optional<Client> get(String clientId) {
    return clients.find(clientId);
  }

  /**
   * Registers a client. Without a {@code client_id} one is generated. A confidential client gets a generated secret,
   * returned here once.
   *
   * @throws InvalidFieldsException listing every bad field
   * @throws AdministrationException CONFLICT when the client_id is taken
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  public WithSecret create(AdminActor actor, ClientMetadata metadata) {
    ClientMetadata withId = metadata.clientId() != null ? metadata : metadata.withClientId(RandomTokens.generate());
    Client client = checked(withId);
    if (clients.find(client.clientId()).isPresent()) {
      throw new AdministrationException(AdministrationException.Kind.CONFLICT, ClientMetadata.CLIENT_ID,
          "client_id '" + client.clientId() + "' is already registered");
    }
    Optional<String> secret = client.isPublic() ? Optional.empty() : Optional.of(ClientSecrets.generate());
    Client stored = client.withSecretHash(secret.map(ClientSecrets::hash).orElse(null));
    clients.save(stored, clock.instant());
    changes.record(actor, "client.create", target(stored.clientId()));
    return new WithSecret(stored, secret);
  }

  /**
   * Replaces a client's registration (every field; an absent one gets its default, as RFC 7592 §2.2 asks). The
   * secret stays, unless the client becomes confidential now: then one is generated and returned once. A client
   * that becomes public loses its secret.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  public WithSecret update(AdminActor actor, String clientId, ClientMetadata metadata) {
    Client existing = existing(clientId);
    if (metadata.clientId() != null && !metadata.clientId().equals(clientId)) {
      throw new InvalidFieldsException(ClientMetadata.CLIENT_ID, "cannot be changed");
    }
    Client client = checked(metadata.withClientId(clientId));
    if (existing.dynamicallyRegistered() && client.firstParty()) {
      // Skipping the consent page is for the operator's own applications, never for one that registered itself.
      throw new InvalidFieldsException(ClientMetadata.FIRST_PARTY, "cannot be set for a client that registered"
          + " itself");
    }
    Optional<String> secret = Optional.empty();
    String hash = null;
    if (!client.isPublic()) {
      secret = existing.secretHash() == null ? Optional.of(ClientSecrets.generate()) : Optional.empty();
      hash = secret.map(ClientSecrets::hash).orElse(existing.secretHash());
    }
    Client stored = client.toBuilder()
        .secretHash(hash)
        .dynamicallyRegistered(existing.dynamicallyRegistered())
        .build();
    clients.save(stored, clock.instant());
    changes.record(actor, "client.update", target(clientId));
    return new WithSecret(stored, secret);
  }

  /**
   * Deletes a client: every token issued to it is revoked, the consents given to it are deleted, and every node
   * forgets it once this commits (so its secret stops working everywhere at once).
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  public void delete(AdminActor actor, String clientId) {
    existing(clientId);
    Instant now = clock.instant();
    int revoked = revocation.revokeClient(clientId, now);
    admin.deleteClient(clientId);
    changes.record(actor, "client.delete", target(clientId) + " tokens_revoked=" + revoked);
  }

  /** A new secret for a confidential client, returned once; the old one stops working when this commits. */
  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  public WithSecret rotateSecret(AdminActor actor, String clientId) {
    Client existing = existing(clientId);
    if (existing.isPublic()) {
      throw new AdministrationException(AdministrationException.Kind.CONFLICT,
          ClientMetadata.TOKEN_ENDPOINT_AUTH_METHOD, "client '" + clientId + "' is public and has no secret");
    }
    String secret = ClientSecrets.generate();
    Client stored = existing.withSecretHash(ClientSecrets.hash(secret));
    clients.save(stored, clock.instant());
    changes.record(actor, "client.rotate_secret", target(clientId));
    return new WithSecret(stored, Optional.of(secret));
  }

  private Client existing(String clientId) {
    return clients.find(clientId).orElseThrow(() -> AdministrationException.notFound("client '" + clientId + "'"));
  }

  private static Client checked(ClientMetadata metadata) {
    ClientMetadataRules.Checked checked =
        ClientMetadataRules.check(metadata, ClientMetadataRules.Origin.ADMINISTRATION);
    return checked.client().orElseThrow(() -> new InvalidFieldsException(checked.problems()));
  }

  private static String target(String clientId) {
    return "client:" + clientId;
  }
}
