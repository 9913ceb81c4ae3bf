package dev.gatehouse.application;

import dev.gatehouse.protocol.client.Client;
import dev.gatehouse.protocol.revoke.TokenRevocation;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Optional;

/** Token revocation (RFC 7009) in one transaction. */
@Stateless
public class RevocationService {

  @Inject TokenRevocation revocation;

  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  public void revoke(String token, Optional<String> hint, Client caller) {
    revocation.revoke(token, hint, caller);
  }
}
