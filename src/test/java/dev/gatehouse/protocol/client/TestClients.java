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
    return new Client(
        clientId,
        "Confidential " + clientId,
        TokenEndpointAuthMethod.CLIENT_SECRET_BASIC,
        ClientSecrets.hash(SECRET),
        List.of(REDIRECT),
        Set.of(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN, GrantType.CLIENT_CREDENTIALS),
        Set.of("openid", "profile", "email", "api"),
        false);
  }

  /** A confidential client_secret_post client. */
  public static Client confidentialPost(String clientId) {
    Client c = confidential(clientId);
    return new Client(
        clientId,
        c.clientName(),
        TokenEndpointAuthMethod.CLIENT_SECRET_POST,
        c.secretHash(),
        c.redirectUris(),
        c.grantTypes(),
        c.scopes(),
        false);
  }

  /** A confidential client that opted into refresh token rotation. */
  public static Client confidentialRotating(String clientId) {
    Client c = confidential(clientId);
    return new Client(
        clientId, c.clientName(), c.authMethod(), c.secretHash(), c.redirectUris(), c.grantTypes(), c.scopes(), true);
  }

  /** A public client (auth method none), rotation flag deliberately false. */
  public static Client publicClient(String clientId) {
    return new Client(
        clientId,
        "Public " + clientId,
        TokenEndpointAuthMethod.NONE,
        null,
        List.of(REDIRECT),
        Set.of(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN),
        Set.of("openid", "profile", "api"),
        false);
  }

  /** A confidential client registered as a resource server: it may introspect every client's tokens. */
  public static Client resourceServer(String clientId) {
    Client c = confidential(clientId);
    return new Client(
        clientId,
        "Resource server " + clientId,
        c.authMethod(),
        c.secretHash(),
        List.of(),
        Set.of(GrantType.CLIENT_CREDENTIALS),
        Set.of("api"),
        false,
        true);
  }

  /** A copy of {@code client} with other redirect URIs. */
  public static Client withRedirects(Client client, List<String> redirectUris) {
    return new Client(
        client.clientId(),
        client.clientName(),
        client.authMethod(),
        client.secretHash(),
        redirectUris,
        client.grantTypes(),
        client.scopes(),
        client.rotateRefreshTokens(),
        client.resourceServer());
  }

  /** A copy of {@code client} with other grant types. */
  public static Client withGrants(Client client, Set<GrantType> grantTypes) {
    return new Client(
        client.clientId(),
        client.clientName(),
        client.authMethod(),
        client.secretHash(),
        client.redirectUris(),
        grantTypes,
        client.scopes(),
        client.rotateRefreshTokens(),
        client.resourceServer());
  }

  /** A copy of {@code client} registered for the resource indicators {@code resources} (RFC 8707). */
  public static Client withResources(Client client, String... resources) {
    return new Client(client.clientId(), client.clientName(), client.authMethod(), client.secretHash(),
        client.redirectUris(), client.grantTypes(), client.scopes(), client.rotateRefreshTokens(),
        client.resourceServer(), client.oidc(), client.dynamicallyRegistered(), Set.of(resources));
  }
}
