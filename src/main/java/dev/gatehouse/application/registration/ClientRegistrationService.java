package dev.gatehouse.application.registration;

import dev.gatehouse.protocol.admin.AdminActor;
import dev.gatehouse.protocol.client.Client;
import dev.gatehouse.protocol.client.ClientMetadataRules;
import dev.gatehouse.protocol.client.ClientSecrets;
import dev.gatehouse.protocol.error.OAuthErrorCode;
import dev.gatehouse.protocol.error.OAuthException;
import dev.gatehouse.protocol.registration.ClientInformation;
import dev.gatehouse.protocol.registration.MetadataRejection;
import dev.gatehouse.protocol.registration.RegistrationAccessToken;
import dev.gatehouse.protocol.store.ClientRegistrations;
import dev.gatehouse.protocol.support.RandomTokens;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import dev.gatehouse.application.admin.AdminChanges;
import dev.gatehouse.application.admin.ClientAdministration;
import dev.gatehouse.infrastructure.json.ClientMetadataJson;

/**
 * Dynamic client registration (RFC 7591) and its management (RFC 7592), each call one transaction. The metadata passes
 * the checks every registration passes ({@link ClientMetadataRules}), then what a self-registered client may ask for
 * ({@link dev.gatehouse.protocol.registration.RegistrationPolicy}). The server chooses the {@code client_id}, the
 * secret of a confidential client and the registration access token; the store keeps only hashes of the last two.
 *
 * <p>The registration access token is used up by every call that presents it: the client's row is locked, the token
 * compared with the stored hash, and a new token issued with the answer (RFC 7592 §3 makes the token REQUIRED in every
 * answer, and a hash cannot be given back). Two calls with the same token: one succeeds, the other gets {@code
 * invalid_token}. An unknown client, a client registered by the operator, and a wrong token all get the same {@code
 * invalid_token} (RFC 7592 §2.1: "If the client does not exist on this server, the server MUST respond with HTTP 401").
 */
@Stateless
public class ClientRegistrationService {

  @Inject DynamicRegistrationSettings settings;
  @Inject ClientRegistrations registrations;
  @Inject ClientAdministration administration;
  @Inject AdminChanges changes;
  @Inject Clock clock;

  /** RFC 7591 §3.1: registers the client that {@code metadata} describes; the answer holds its credentials. */
  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  public ClientInformation register(ClientMetadataJson.Read metadata, List<String> responseTypes) {
    Instant now = clock.instant();
    settings.policy().requireRoom(registrations.countSelfRegistered());
    Client checked = check(metadata.withClientId(RandomTokens.generate()));
    Optional<String> secret = checked.isPublic() ? Optional.empty() : Optional.of(ClientSecrets.generate());
    Client client = settings.policy().admit(checked, responseTypes, secret.map(ClientSecrets::hash).orElse(null));
    RegistrationAccessToken token = RegistrationAccessToken.issue();
    registrations.save(client, token.hash(), now);
    changed("client.register", client.clientId());
    return new ClientInformation(client, now, secret, token.value());
  }

  /** RFC 7592 §2.1: the registration as it stands, with a new registration access token. */
  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  public ClientInformation read(String clientId, String registrationAccessToken) {
    ClientRegistrations.Stored stored = authorize(clientId, registrationAccessToken);
    RegistrationAccessToken token = RegistrationAccessToken.issue();
    registrations.replaceToken(clientId, token.hash());
    return new ClientInformation(stored.client(), stored.registeredAt(), Optional.empty(), token.value());
  }

  /**
   * RFC 7592 §2.2: replaces the registration with {@code metadata}, every omitted field back to its default. The
   * secret stays unless the client becomes public (dropped) or confidential (a new one, in the answer).
   *
   * @param presentedSecret the {@code client_secret} member of the request, if any: RFC 7592 §2.2 "the value of this
   *     field MUST match the currently issued client secret"
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  public ClientInformation update(String clientId, String registrationAccessToken, ClientMetadataJson.Read metadata,
      List<String> responseTypes, Optional<String> presentedSecret) {
    ClientRegistrations.Stored stored = authorize(clientId, registrationAccessToken);
    if (!clientId.equals(metadata.metadata().clientId())) {
      throw new OAuthException(OAuthErrorCode.INVALID_CLIENT_METADATA, "client_id must be the client's own.",
          "client_id in the body differs from the one in the URI");
    }
    if (presentedSecret.isPresent() && !ClientSecrets.matches(presentedSecret.get(), stored.client().secretHash())) {
      throw new OAuthException(OAuthErrorCode.INVALID_CLIENT_METADATA, "client_secret does not match.",
          "client_secret in the body is not the client's current secret");
    }
    Client checked = check(metadata);
    Optional<String> secret = checked.isPublic() || !stored.client().isPublic()
        ? Optional.empty() : Optional.of(ClientSecrets.generate());
    String secretHash = secret.map(ClientSecrets::hash).orElse(stored.client().secretHash());
    // The access policy an operator gave the client stays: the client cannot set one, nor lift it by updating itself.
    Client client = settings.policy().admit(checked, responseTypes, secretHash).toBuilder()
        .accessPolicy(stored.client().accessPolicy()).build();
    RegistrationAccessToken token = RegistrationAccessToken.issue();
    registrations.save(client, token.hash(), clock.instant());
    changed("client.update", clientId);
    return new ClientInformation(client, stored.registeredAt(), secret, token.value());
  }

  /**
   * RFC 7592 §2.3: deletes the registration; as the administration's deletion does, every token issued to the client
   * is revoked and the consents given to it are deleted ("the authorization server SHOULD immediately invalidate all
   * existing authorization grants and currently-active tokens associated with this client").
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  public void delete(String clientId, String registrationAccessToken) {
    authorize(clientId, registrationAccessToken);
    administration.delete(AdminActor.client(clientId), clientId);
  }

  private Client check(ClientMetadataJson.Read metadata) {
    ClientMetadataRules.Checked checked = metadata.check(ClientMetadataRules.Origin.DYNAMIC_REGISTRATION);
    if (checked.client().isEmpty()) {
      throw MetadataRejection.of(checked.problems());
    }
    return checked.client().get();
  }

  /** The locked registration that {@code token} opens, or {@code invalid_token}. */
  private ClientRegistrations.Stored authorize(String clientId, String token) {
    Optional<ClientRegistrations.Stored> stored = registrations.lock(clientId);
    if (stored.isEmpty() || !RegistrationAccessToken.matches(token, stored.get().tokenHash())) {
      throw new OAuthException(OAuthErrorCode.INVALID_TOKEN, "The registration access token is not valid.",
          stored.isEmpty() ? "no such client" : "registration access token does not match");
    }
    return stored.get();
  }

  /** A registration change, recorded where every administrative change is: the client itself made it. */
  private void changed(String action, String clientId) {
    changes.record(AdminActor.client(clientId), action, "client:" + clientId);
  }
}
