package dev.gatehouse.protocol.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.protocol.client.Client;
import dev.gatehouse.protocol.client.TokenEndpointAuthMethod;
import dev.gatehouse.protocol.request.GrantType;
import dev.gatehouse.protocol.store.AccessToken;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AdminAccessTest {
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  private static final Client ADMIN_CLIENT = client(Set.of("openid", AdminAccess.ADMIN_SCOPE));
  private static final AdminAccess.User ROOT = new AdminAccess.User("root", Set.of(AdminAccess.ADMIN_ROLE), false);

  private static Client client(Set<String> scopes) {
    return Client.builder("ops").name("Ops").authMethod(TokenEndpointAuthMethod.CLIENT_SECRET_BASIC)
        .secretHash("sha256:x").grantTypes(Set.of(GrantType.CLIENT_CREDENTIALS, GrantType.AUTHORIZATION_CODE))
        .scopes(scopes).rotateRefreshTokens(true).build();
  }

  private static AccessToken token(String subject, Set<String> scopes) {
    return new AccessToken("hash", "grant", "ops", subject, scopes, NOW, NOW.plusSeconds(600));
  }

  @Test
  void whenClientCredentialsTokenWithTheScope_thenAllowedAsTheClient() {
    AdminAccess.Decision d = AdminAccess.decide(token(null, Set.of(AdminAccess.ADMIN_SCOPE)),
        Optional.of(ADMIN_CLIENT), Optional.empty());
    assertEquals(Optional.of(AdminActor.client("ops")), d.actor());
  }

  @Test
  void rfc6750_3_1_whenTokenWithoutTheScope_thenRefusedAsInsufficientScope() {
    AdminAccess.Decision d = AdminAccess.decide(token(null, Set.of("read")), Optional.of(ADMIN_CLIENT),
        Optional.empty());
    assertFalse(d.allowed());
    assertTrue(d.scopeMissing());
  }

  @Test
  void whenTheClientLostTheScopeOrWasDeleted_thenItsTokensNoLongerQualify() {
    AccessToken t = token(null, Set.of(AdminAccess.ADMIN_SCOPE));
    assertFalse(AdminAccess.decide(t, Optional.of(client(Set.of("openid"))), Optional.empty()).allowed());
    assertFalse(AdminAccess.decide(t, Optional.empty(), Optional.empty()).allowed());
  }

  @Test
  void whenUserTokenOfAnAdministrator_thenAllowedAsUserAndClient() {
    AdminAccess.Decision d = AdminAccess.decide(token("sub-root", Set.of(AdminAccess.ADMIN_SCOPE)),
        Optional.of(ADMIN_CLIENT), Optional.of(ROOT));
    assertEquals(Optional.of(new AdminActor("ops", "sub-root", "root")), d.actor());
  }

  @Test
  void whenUserTokenWithTheScopeButTheUserLacksTheRoleIsDisabledOrGone_thenRefused() {
    AccessToken t = token("sub", Set.of(AdminAccess.ADMIN_SCOPE));
    assertFalse(AdminAccess.decide(t, Optional.of(ADMIN_CLIENT),
        Optional.of(new AdminAccess.User("kim", Set.of("staff"), false))).allowed());
    assertFalse(AdminAccess.decide(t, Optional.of(ADMIN_CLIENT),
        Optional.of(new AdminAccess.User("root", Set.of(AdminAccess.ADMIN_ROLE), true))).allowed());
    AdminAccess.Decision gone = AdminAccess.decide(t, Optional.of(ADMIN_CLIENT), Optional.empty());
    assertFalse(gone.allowed());
    assertFalse(gone.scopeMissing());
  }
}
