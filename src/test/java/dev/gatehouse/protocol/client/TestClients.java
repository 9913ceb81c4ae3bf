package dev.gatehouse.protocol.client;

import dev.gatehouse.protocol.request.GrantType;
import java.util.List;
import java.util.Set;

/** Client fixtures shared by the tests. */
public final class TestClients {
  public static final String SECRET = "s3cret-with-at-least-32-characters:and/odd=chars";
  public static final String REDIRECT = "https://app.example/callback";

  private TestClients() {}

  /** A confidential client_secret_basic client with both code grants, non-rotating. */
  public static Client confidential(String clientId) {
    return Client.builder(clientId)
        .name("Confidential " + clientId)
        .authMethod(TokenEndpointAuthMethod.CLIENT_SECRET_BASIC)
        .secretHash(ClientSecrets.hash(SECRET))
        .redirectUris(List.of(REDIRECT))
        .grantTypes(Set.of(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN, GrantType.CLIENT_CREDENTIALS))
        .scopes(Set.of("openid", "profile", "email", "api"))
        .rotateRefreshTokens(false)
        .build();
  }

  /** A confidential client_secret_post client. */
  public static Client confidentialPost(String clientId) {
    return confidential(clientId).toBuilder().authMethod(TokenEndpointAuthMethod.CLIENT_SECRET_POST).build();
  }

  /** A confidential client that opted into refresh token rotation. */
  public static Client confidentialRotating(String clientId) {
    return confidential(clientId).toBuilder().rotateRefreshTokens(true).build();
  }

  /** A public client (auth method none), rotation flag deliberately false. */
  public static Client publicClient(String clientId) {
    return Client.builder(clientId)
        .name("Public " + clientId)
        .authMethod(TokenEndpointAuthMethod.NONE)
        .secretHash(null)
        .redirectUris(List.of(REDIRECT))
        .grantTypes(Set.of(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN))
        .scopes(Set.of("openid", "profile", "api"))
        .rotateRefreshTokens(false)
        .build();
  }

  /** A confidential client registered as a resource server: it may introspect every client's tokens. */
  public static Client resourceServer(String clientId) {
    return confidential(clientId).toBuilder()
        .name("Resource server " + clientId)
        .redirectUris(List.of())
        .grantTypes(Set.of(GrantType.CLIENT_CREDENTIALS))
        .scopes(Set.of("api"))
        .rotateRefreshTokens(false)
        .resourceServer(true)
        .build();
  }

  /** A copy of {@code client} with other redirect URIs. */
  public static Client withRedirects(Client client, List<String> redirectUris) {
    return client.toBuilder().redirectUris(redirectUris).build();
  }

  /** A copy of {@code client} with other grant types. */
  public static Client withGrants(Client client, Set<GrantType> grantTypes) {
    return client.toBuilder().grantTypes(grantTypes).build();
  }

  /** A copy of {@code client} registered for the resource indicators {@code resources} (RFC 8707). */
  public static Client withResources(Client client, String... resources) {
    return client.toBuilder().allowedResources(Set.of(resources)).build();
  }
}
