package dev.gatehouse.infrastructure.json;

import static dev.gatehouse.protocol.client.ClientMetadata.*;

import dev.gatehouse.protocol.client.Client;
import dev.gatehouse.protocol.client.ClientMetadata;
import dev.gatehouse.protocol.client.ClientMetadataRules;
import dev.gatehouse.protocol.error.FieldProblem;
import dev.gatehouse.protocol.request.GrantType;
import dev.gatehouse.protocol.scope.Scopes;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Client registrations as JSON, in RFC 7591 §2 field names, for every place that reads or shows one: the bootstrap
 * file, the admin API and dynamic registration. Reading reports a member of the wrong type as a {@link FieldProblem};
 * {@link Read#check} then applies {@link ClientMetadataRules}. Unknown members are ignored (RFC 7591 §2: the server
 * "MUST ignore any client metadata sent by the client that it does not understand").
 */
public final class ClientMetadataJson {
  private static final JsonProvider JSON = JsonProvider.provider();

  private ClientMetadataJson() {}

  /** What was read: the metadata (a badly typed member reads as absent) and the type problems. */
  public record Read(ClientMetadata metadata, List<FieldProblem> problems) {
    public Read {
      problems = List.copyOf(problems);
    }

    /** The same with another {@code client_id}, e.g. one the server generated. */
    public Read withClientId(String clientId) {
      return new Read(metadata.withClientId(clientId), problems);
    }

    /** The rules applied to what was read, with the type problems first ({@link JsonFields#merge}). */
    public ClientMetadataRules.Checked check(ClientMetadataRules.Origin origin) {
      ClientMetadataRules.Checked checked = ClientMetadataRules.check(metadata, origin);
      return problems.isEmpty() ? checked
          : new ClientMetadataRules.Checked(Optional.empty(), JsonFields.merge(problems, checked.problems()));
    }
  }

  /** Reads the registration fields of {@code json}. */
  public static Read read(JsonObject json) {
    List<FieldProblem> problems = new ArrayList<>();
    JsonFields f = new JsonFields(json, "", problems);
    ClientMetadata metadata = new ClientMetadata(f.string(CLIENT_ID), f.string(CLIENT_NAME),
        f.string(TOKEN_ENDPOINT_AUTH_METHOD), f.string(CLIENT_SECRET), f.strings(REDIRECT_URIS),
        f.strings(GRANT_TYPES), f.string(SCOPE), f.flag(ROTATE_REFRESH_TOKENS), f.flag(RESOURCE_SERVER),
        f.string(ID_TOKEN_SIGNED_RESPONSE_ALG), f.string(ACCESS_TOKEN_FORMAT), f.strings(POST_LOGOUT_REDIRECT_URIS),
        f.string(BACKCHANNEL_LOGOUT_URI), f.strings(ALLOWED_RESOURCES), f.strings(ALLOWED_ROLES),
        f.strings(ALLOWED_GROUPS), f.flag(FIRST_PARTY), f.string(GROUPS_CLAIM_NAME), f.string(ROLES_CLAIM_NAME));
    return new Read(metadata, problems);
  }

  /** The registration of {@code client} in RFC 7591 §3.2.1 form, never with a secret or its hash. */
  public static JsonObjectBuilder write(Client client) {
    JsonObjectBuilder json = JSON.createObjectBuilder()
        .add(CLIENT_ID, client.clientId())
        .add(CLIENT_NAME, client.clientName())
        .add(TOKEN_ENDPOINT_AUTH_METHOD, client.authMethod().value())
        .add(REDIRECT_URIS, array(client.redirectUris()))
        .add(GRANT_TYPES, array(client.grantTypes().stream().map(GrantType::value).sorted().toList()))
        .add(SCOPE, Scopes.format(client.scopes()))
        .add(ROTATE_REFRESH_TOKENS, client.rotateRefreshTokens())
        .add(RESOURCE_SERVER, client.resourceServer())
        .add(ID_TOKEN_SIGNED_RESPONSE_ALG, client.oidc().idTokenSignedResponseAlg())
        .add(ACCESS_TOKEN_FORMAT, client.oidc().accessTokenFormat().value())
        .add(POST_LOGOUT_REDIRECT_URIS, array(client.oidc().postLogoutRedirectUris()))
        .add(ALLOWED_RESOURCES, array(client.allowedResources().stream().sorted().toList()))
        .add(ALLOWED_ROLES, array(client.accessPolicy().roles().stream().sorted().toList()))
        .add(ALLOWED_GROUPS, array(client.accessPolicy().groups().stream().sorted().toList()))
        .add(FIRST_PARTY, client.firstParty())
        .add(GROUPS_CLAIM_NAME, client.claimNames().groups())
        .add(ROLES_CLAIM_NAME, client.claimNames().roles());
    client.oidc().backchannelLogoutUri().ifPresent(uri -> json.add(BACKCHANNEL_LOGOUT_URI, uri));
    return json;
  }

  private static JsonArrayBuilder array(List<String> values) {
    JsonArrayBuilder array = JSON.createArrayBuilder();
    values.forEach(array::add);
    return array;
  }
}
