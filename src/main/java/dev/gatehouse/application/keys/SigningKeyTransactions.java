package dev.gatehouse.application.keys;

import dev.gatehouse.protocol.jose.KeyRotation;
import dev.gatehouse.protocol.jose.SigningKeyRing;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

/**
 * The signing-key work of {@link SigningKeys}, each step in its own short transaction: the rotation (which may hold
 * the rotation lock) commits before any node, this one included, loads what it created.
 */
@Stateless
public class SigningKeyTransactions {

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public KeyRotation.Result rotate(KeyRotation rotation) {
    return rotation.rotate();
  }

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void reload(SigningKeyRing ring) {
    ring.refresh();
  }
}
