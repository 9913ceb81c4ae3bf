package dev.gatehouse.application.oauth;

import dev.gatehouse.protocol.client.AccessPolicy;
import dev.gatehouse.protocol.client.Client;
import dev.gatehouse.protocol.request.GrantType;
import dev.gatehouse.protocol.request.TokenRequest;
import dev.gatehouse.protocol.store.RefreshTokenStore;
import dev.gatehouse.protocol.store.ResourceOwnerStatus;
import dev.gatehouse.protocol.store.UserAccount;
import dev.gatehouse.protocol.store.UserStore;
import dev.gatehouse.protocol.token.TokenHash;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import dev.gatehouse.application.signin.DirectoryStanding;

/**
 * The refresh grant's {@link ResourceOwnerStatus}, for one token request: the user's row as it stands inside the
 * refresh's transaction (gone or disabled: no more tokens), and for a directory user what the directory said moments
 * before ({@link DirectoryStanding#now}: gone means no more tokens; not reachable means the last known state).
 *
 * <p>The directory is asked by {@link #beforeRefresh}, which {@link TokenEndpoint} calls before the refresh's
 * transaction begins: no database transaction, lock or pooled connection is held while the directory answers (at
 * worst after its connect and read timeouts). The transaction then only reads the row, so a refresh and a disabling
 * of the same user never wait on each other's rows: if the disabling commits first, the refresh sees it; if it comes
 * later, it revokes the tokens the refresh issued (both take the grant's lock first).
 */
@RequestScoped
public class RefreshingUsers implements ResourceOwnerStatus {

  @Inject RefreshTokenStore refreshTokens;
  @Inject UserStore users;
  @Inject DirectoryStanding directory;

  private final Map<String, DirectoryStanding.Standing> asked = new HashMap<>();

  /**
   * For a refresh whose token looks usable (this client's, not revoked, rotated or expired), asks the directory about
   * its user, if the user comes from one and is not disabled. Plain reads, outside any transaction.
   */
  public void beforeRefresh(TokenRequest request, Client client, Instant now) {
    if (!GrantType.REFRESH_TOKEN.value().equals(request.grantType()) || !directory.available()) {
      return; // without a directory store, isActive knows its users' answer without asking
    }
    request.refreshToken().flatMap(token -> refreshTokens.find(TokenHash.of(token)))
        .filter(t -> t.clientId().equals(client.clientId()) && t.subject() != null && t.revokedAt() == null
            && t.rotatedAt() == null && !t.isExpiredAt(now))
        .flatMap(t -> users.findById(t.subject()))
        .filter(u -> DirectoryStanding.fromDirectory(u) && !u.disabled())
        .ifPresent(u -> asked.put(u.subject(), directory.now(u)));
  }

  @Override
  public boolean isActive(String subject) {
    Optional<UserAccount> user = users.findById(subject);
    if (user.isEmpty() || user.get().disabled()) {
      return false;
    }
    if (!DirectoryStanding.fromDirectory(user.get())) {
      return true;
    }
    DirectoryStanding.Standing standing = asked.get(subject);
    if (standing == null) {
      // Not asked before the transaction: gone when there is no directory store; otherwise its last known state.
      return directory.available();
    }
    return standing.verdict() != DirectoryStanding.Verdict.GONE;
  }

  /**
   * The user's roles and directory groups from its row: for a directory user, as {@link #beforeRefresh} just wrote
   * them from the directory's answer (or as the last answer left them while the directory cannot be asked).
   */
  @Override
  public AccessPolicy.Member member(String subject) {
    return users.findById(subject).map(UserAccount::member).orElse(AccessPolicy.Member.NOBODY);
  }
}
