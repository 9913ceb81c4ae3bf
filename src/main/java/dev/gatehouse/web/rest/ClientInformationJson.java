package dev.gatehouse.web.rest;

import dev.gatehouse.infrastructure.json.ClientMetadataJson;
import dev.gatehouse.protocol.client.ClientMetadata;
import dev.gatehouse.protocol.registration.ClientInformation;
import dev.gatehouse.protocol.registration.RegistrationPolicy;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

/**
 * The client information response (RFC 7591 §3.2.1, extended by RFC 7592 §3): the registered metadata as {@link
 * ClientMetadataJson} writes it, {@code response_types}, the identifiers' times, and the credentials of this answer.
 * The operator's access policy ({@code allowed_roles}, {@code allowed_groups}) and {@code first_party} are left out:
 * a client may not set them, and the role and group names it would learn are the operator's.
 */
final class ClientInformationJson {
  private ClientInformationJson() {}

  /** The JSON answer; {@code endpoint} is the registration endpoint's URL. */
  static String write(ClientInformation information, String endpoint) {
    String clientId = information.client().clientId();
    JsonArrayBuilder responseTypes = JsonOut.JSON.createArrayBuilder();
    RegistrationPolicy.responseTypes(information.client().grantTypes()).forEach(responseTypes::add);
    JsonObjectBuilder json = ClientMetadataJson.write(information.client())
        .add("response_types", responseTypes)
        .add("client_id_issued_at", information.issuedAt().getEpochSecond())
        // The generated identifiers are base64url: a path segment as they are.
        .add("registration_client_uri", endpoint + "/" + clientId)
        .add("registration_access_token", information.registrationAccessToken())
        .remove(ClientMetadata.ALLOWED_ROLES)
        .remove(ClientMetadata.ALLOWED_GROUPS)
        .remove(ClientMetadata.FIRST_PARTY);
    information.clientSecret().ifPresent(secret -> json.add("client_secret", secret));
    if (!information.client().isPublic()) {
      // RFC 7591 §3.2.1: "REQUIRED if "client_secret" is issued"; 0: "will not expire".
      json.add("client_secret_expires_at", 0);
    }
    return json.build().toString();
  }
}
