package dev.gatehouse.application.admin;

import dev.gatehouse.protocol.admin.AdminActor;
import dev.gatehouse.protocol.client.Client;
import dev.gatehouse.protocol.session.SsoSession;
import dev.gatehouse.protocol.store.AdministrationStore;
import dev.gatehouse.protocol.store.ClientRegistry;
import dev.gatehouse.protocol.store.InMemoryUserStore;
import dev.gatehouse.protocol.store.UserAccount;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import java.lang.annotation.Annotation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import dev.gatehouse.application.oauth.GrantRevocationService;
import dev.gatehouse.application.signin.PasswordHashing;
import dev.gatehouse.application.session.SessionService;

/** In-memory stand-ins for the stores and services the administration services use: no container needed. */
public final class AdminFakes {
  private AdminFakes() {}

  static final AdminActor ADMIN = new AdminActor("admin-cli", "sub-admin", "root");

  /** Clients in a map. */
  public static final class Clients implements ClientRegistry {
    final Map<String, Client> rows = new LinkedHashMap<>();

    @Override
    public Optional<Client> find(String clientId) {
      return Optional.ofNullable(rows.get(clientId));
    }

    @Override
    public boolean save(Client client, Instant now) {
      return rows.put(client.clientId(), client) == null;
    }
  }

  /** Users in a map, by subject. */
  public static final class Users extends InMemoryUserStore {}

  /** Lists and deletes from the fake client map; the administration's other reads find nothing. */
  static final class Administration implements AdministrationStore {
    final Clients clients;

    Administration(Clients clients) {
      this.clients = clients;
    }

    @Override
    public List<Client> clients(int offset, int limit) {
      return clients.rows.values().stream().skip(offset).limit(limit).toList();
    }

    @Override
    public long clientCount() {
      return clients.rows.size();
    }

    @Override
    public boolean deleteClient(String clientId) {
      return clients.rows.remove(clientId) != null;
    }

    @Override
    public List<UserAccount> users(String query, int offset, int limit) {
      return List.of();
    }

    @Override
    public long userCount(String query) {
      return 0;
    }

    @Override
    public List<SsoSession> sessions(Owner owner, String value, Instant now, int offset, int limit) {
      return List.of();
    }

    @Override
    public long sessionCount(Owner owner, String value, Instant now) {
      return 0;
    }

    @Override
    public Optional<SsoSession> session(String sid) {
      return Optional.empty();
    }

    @Override
    public List<ConsentEntry> consents(Owner owner, String value, int offset, int limit) {
      return List.of();
    }

    @Override
    public long consentCount(Owner owner, String value) {
      return 0;
    }

    @Override
    public boolean deleteConsent(String subject, String clientId) {
      return false;
    }

    @Override
    public List<GrantEntry> grants(Owner owner, String value, Instant now, int offset, int limit) {
      return List.of();
    }

    @Override
    public long grantCount(Owner owner, String value, Instant now) {
      return 0;
    }

    @Override
    public Optional<GrantEntry> grant(String grantId) {
      return Optional.empty();
    }

    @Override
    public List<GrantEntry> serviceTokens(String clientId, Instant now, int offset, int limit) {
      return List.of();
    }

    @Override
    public long serviceTokenCount(String clientId, Instant now) {
      return 0;
    }

    @Override
    public Optional<GrantEntry> serviceToken(String grantId, Instant now) {
      return Optional.empty();
    }

    @Override
    public List<String> grantIds(String subject, String clientId) {
      return List.of();
    }
  }

  /** Records what was revoked. */
  static final class Revocations extends GrantRevocationService {
    final List<String> revoked = new ArrayList<>();

    @Override
    public int revokeUser(String subject, Instant now) {
      revoked.add("user:" + subject);
      return 2;
    }

    @Override
    public int revokeClient(String clientId, Instant now) {
      revoked.add("client:" + clientId);
      return 3;
    }
  }

  /** Records which sessions ended. */
  static final class Sessions extends SessionService {
    final List<String> endedFor = new ArrayList<>();

    @Override
    public int endAll(String subject) {
      endedFor.add(subject);
      return 1;
    }
  }

  /** Records every admin change. */
  static final class Changes extends AdminChanges {
    final List<String> recorded = new ArrayList<>();

    @Override
    public void record(AdminActor actor, String action, String target) {
      recorded.add(action + " " + target);
    }
  }

  /** "Hashes" by prefixing, so tests can see what was hashed without PBKDF2's cost. */
  public static final class Passwords extends PasswordHashing {
    @Override
    public String hash(String password) {
      return "hash:" + password;
    }

    @Override
    public boolean verify(String password, String storedHash) {
      return ("hash:" + password).equals(storedHash);
    }
  }

  /** Collects fired events, however they are fired; every selection is the same collector. */
  static final class Events<T> implements Event<T> {
    final List<T> fired = new ArrayList<>();

    @Override
    public void fire(T event) {
      fired.add(event);
    }

    @Override
    public <U extends T> CompletionStage<U> fireAsync(U event) {
      fired.add(event);
      return CompletableFuture.completedFuture(event);
    }

    @Override
    public <U extends T> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
      return fireAsync(event);
    }

    @Override
    public Event<T> select(Annotation... qualifiers) {
      return this;
    }

    @Override
    public <U extends T> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
      return narrowed();
    }

    @Override
    public <U extends T> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
      return narrowed();
    }

    /** This collector as an event of a subtype: what is fired through it is a T, so it lands in {@link #fired}. */
    @SuppressWarnings("unchecked")
    private <U extends T> Event<U> narrowed() {
      return (Event<U>) (Event<?>) this;
    }
  }
}
