package dev.gatehouse.infrastructure.persistence;

import dev.gatehouse.infrastructure.cache.CacheEntriesChanged;
import dev.gatehouse.infrastructure.persistence.entity.ClientEntity;
import dev.gatehouse.protocol.client.AccessTokenFormat;
import dev.gatehouse.protocol.client.AccessPolicy;
import dev.gatehouse.protocol.client.ClaimNames;
import dev.gatehouse.protocol.client.Client;
import dev.gatehouse.protocol.client.OidcRegistration;
import dev.gatehouse.protocol.client.TokenEndpointAuthMethod;
import dev.gatehouse.protocol.request.GrantType;
import dev.gatehouse.protocol.store.ClientRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import dev.gatehouse.infrastructure.cache.ClientCache;

/** Clients in the {@code clients} table, read through {@link ClientCache}. */
@ApplicationScoped
public class JpaClientStore implements ClientRegistry {

  @PersistenceContext(unitName = "gatehouse")
  EntityManager em;

  @Inject ClientCache cache;
  @Inject Event<CacheEntriesChanged> changes;

  @Override
  public Optional<Client> find(String clientId) {
    return cache.find(clientId,
        () -> Optional.ofNullable(em.find(ClientEntity.class, clientId)).map(JpaClientStore::toClient));
  }

  @Override
  public boolean save(Client client, Instant now) {
    ClientEntity e = em.find(ClientEntity.class, client.clientId());
    boolean created = e == null;
    if (created) {
      e = new ClientEntity();
      e.clientId = client.clientId();
      e.createdAt = now.toEpochMilli();
    }
    e.clientName = client.clientName();
    e.authMethod = client.authMethod().value();
    e.secretHash = client.secretHash();
    e.redirectUris = String.join("\n", client.redirectUris());
    e.grantTypes = client.grantTypes().stream().map(GrantType::value).sorted().collect(Collectors.joining(" "));
    e.scopes = Columns.scopes(client.scopes());
    e.rotateRefreshTokens = client.rotateRefreshTokens();
    e.resourceServer = client.resourceServer();
    e.idTokenSignedResponseAlg = client.oidc().idTokenSignedResponseAlg();
    e.accessTokenFormat = client.oidc().accessTokenFormat().value();
    e.postLogoutRedirectUris = client.oidc().postLogoutRedirectUris().isEmpty()
        ? null : String.join("\n", client.oidc().postLogoutRedirectUris());
    e.backchannelLogoutUri = client.oidc().backchannelLogoutUri().orElse(null);
    e.dynamicallyRegistered = client.dynamicallyRegistered();
    e.allowedResources = client.allowedResources().isEmpty()
        ? null : String.join("\n", new TreeSet<>(client.allowedResources()));
    e.allowedRoles = joined(client.accessPolicy().roles());
    e.allowedGroups = joined(client.accessPolicy().groups());
    e.firstParty = client.firstParty();
    ClaimNames names = client.claimNames();
    e.groupsClaimName = names.groups().equals(ClaimNames.DEFAULTS.groups()) ? null : names.groups();
    e.rolesClaimName = names.roles().equals(ClaimNames.DEFAULTS.roles()) ? null : names.roles();
    e.updatedAt = now.toEpochMilli();
    if (created) {
      em.persist(e);
    }
    changes.fire(CacheEntriesChanged.client(client.clientId()));
    return created;
  }

  static Client toClient(ClientEntity e) {
    Set<GrantType> grants = EnumSet.noneOf(GrantType.class);
    for (String value : e.grantTypes.split(" ")) {
      GrantType.fromValue(value).ifPresent(grants::add);
    }
    List<String> uris = lines(e.redirectUris);
    return Client.builder(e.clientId)
        .name(e.clientName)
        .authMethod(TokenEndpointAuthMethod.fromValue(e.authMethod)
            .orElseThrow(() -> new IllegalStateException("unknown auth_method in clients row " + e.clientId)))
        .secretHash(e.secretHash)
        .redirectUris(uris)
        .grantTypes(grants)
        .scopes(Columns.scopes(e.scopes))
        .rotateRefreshTokens(e.rotateRefreshTokens)
        .resourceServer(e.resourceServer)
        .oidc(new OidcRegistration(
            e.idTokenSignedResponseAlg,
            AccessTokenFormat.fromValue(e.accessTokenFormat).orElseThrow(
                () -> new IllegalStateException("unknown access_token_format in clients row " + e.clientId)),
            lines(e.postLogoutRedirectUris),
            Optional.ofNullable(e.backchannelLogoutUri)))
        .dynamicallyRegistered(e.dynamicallyRegistered)
        .allowedResources(Set.copyOf(lines(e.allowedResources)))
        .accessPolicy(new AccessPolicy(Set.copyOf(lines(e.allowedRoles)), Set.copyOf(lines(e.allowedGroups))))
        .firstParty(e.firstParty)
        .claimNames(ClaimNames.of(e.groupsClaimName, e.rolesClaimName))
        .build();
  }

  /** A set as a column of sorted lines; null for none. */
  private static String joined(Set<String> values) {
    return values.isEmpty() ? null : String.join("\n", new TreeSet<>(values));
  }

  /**
   * A column of values, one per line (a URI, a role or a group name cannot contain a line break); null or empty is
   * none.
   */
  private static List<String> lines(String column) {
    return column == null || column.isEmpty() ? List.of() : Arrays.asList(column.split("\n"));
  }
}
