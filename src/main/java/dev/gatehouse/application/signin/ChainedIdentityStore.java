package dev.gatehouse.application.signin;

import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Set;

/**
 * A Jakarta Security identity store in Gatehouse's chain ({@link IdentityStoreChain}). Its answers mean: {@code VALID},
 * the user signs in; {@code INVALID}, this store has the user and refuses the attempt (which is final);
 * {@code NOT_VALIDATED}, this store does not have the user (or cannot tell now), so the next store is asked.
 *
 * <p>Its Jakarta Security {@code priority()} is its place in {@code GATEHOUSE_IDENTITY_STORES}; a store that is not
 * listed there validates nothing, for any handler.
 */
public abstract class ChainedIdentityStore implements IdentityStore {

  @Inject IdentityStoreSettings stores;

  private final String storeId;

  protected ChainedIdentityStore(String storeId) {
    this.storeId = storeId;
  }

  /** The store's name in {@code GATEHOUSE_IDENTITY_STORES} and in {@code users.source}. */
  public String storeId() {
    return storeId;
  }

  /** Whether the store signs users in: listed in {@code GATEHOUSE_IDENTITY_STORES} (and configured). */
  protected boolean active() {
    return stores.enabled(storeId);
  }

  @Override
  public int priority() {
    return stores.priority(storeId);
  }

  @Override
  public Set<ValidationType> validationTypes() {
    return active() ? Set.of(ValidationType.VALIDATE) : Set.of();
  }

  /**
   * The work of a failed check, without checking and without using the user's own credentials anywhere: for the
   * stores after the one that refused, and for an attempt refused by a lockout, so that every failed attempt costs
   * the same whichever store refused it and whether or not the user exists.
   */
  public abstract void spendFailedCheck(String username, String password);
}
