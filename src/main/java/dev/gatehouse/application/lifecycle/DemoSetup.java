package dev.gatehouse.application.lifecycle;

import dev.gatehouse.protocol.admin.AdminAccess;
import dev.gatehouse.protocol.client.Client;
import dev.gatehouse.protocol.client.ClientSecrets;
import dev.gatehouse.protocol.client.TokenEndpointAuthMethod;
import dev.gatehouse.protocol.request.GrantType;
import dev.gatehouse.protocol.support.RandomTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import dev.gatehouse.infrastructure.files.BootstrapFile;
import dev.gatehouse.infrastructure.config.GatehouseConfig;
import dev.gatehouse.infrastructure.files.OwnerOnlyFiles;
import dev.gatehouse.protocol.admin.UserProfile;
import dev.gatehouse.protocol.admin.UserSpec;

/**
 * The demo on the embedded default: a confidential client whose callback page is served by Gatehouse itself
 * ({@code /demo/callback}) and a user to sign in with. Their generated credentials are kept in
 * {@code demo-credentials.properties} in the data folder (owner-only), so they stay the same across restarts; the
 * {@link Outcome} says whether this start created them, because only that start prints them ({@link Startup}).
 */
@ApplicationScoped
public class DemoSetup {

  public static final String CLIENT_ID = "demo-client";
  public static final String USERNAME = "demo";

  /** The demo's credentials, available to the demo pages once the demo is set up. */
  public record DemoCredentials(String clientId, String clientSecret, String username, String password) {
    @Override
    public String toString() {
      return "DemoCredentials[" + clientId + ", " + username + "]";
    }
  }

  /** The credentials, whether this start created them, and the file that keeps them. */
  public record Outcome(DemoCredentials credentials, boolean created, Path file) {}

  static final String FILE_NAME = "demo-credentials.properties";

  @Inject BootstrapService bootstrap;
  @Inject GatehouseConfig config;

  private volatile DemoCredentials credentials;

  public Optional<DemoCredentials> credentials() {
    return Optional.ofNullable(credentials);
  }

  public String callbackUri() {
    return config.issuer() + "/demo/callback";
  }

  /** Creates (or refreshes) the demo client and user; returns their credentials and whether they are new. */
  public Outcome setUp(Path dataDir) {
    Outcome outcome = loadOrCreate(dataDir.resolve(FILE_NAME));
    DemoCredentials demo = outcome.credentials();
    Client client = Client.builder(CLIENT_ID)
        .name("Gatehouse demo client")
        .authMethod(TokenEndpointAuthMethod.CLIENT_SECRET_BASIC)
        .secretHash(ClientSecrets.hash(demo.clientSecret()))
        .redirectUris(List.of(callbackUri()))
        .grantTypes(EnumSet.of(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN))
        .scopes(Set.of("openid", "profile", "email", "offline_access"))
        .rotateRefreshTokens(true)
        .build();
    UserSpec user = new UserSpec(USERNAME, demo.password(), new UserProfile(
        "Demo User", "Demo", "User", "demo@example.com", true, null, false, "en", null, Map.of()),
        // An administrator, so that the console can be tried at once on the embedded default (never on MySQL).
        Set.of(AdminAccess.ADMIN_ROLE));
    bootstrap.apply(new BootstrapFile.Content(List.of(client), List.of(user)), "the demo set-up");
    credentials = demo;
    return outcome;
  }

  /** The credentials kept in {@code file}, generated into it when it does not hold both secrets yet. */
  static Outcome loadOrCreate(Path file) {
    try {
      Properties p = new Properties();
      if (Files.exists(file)) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
          p.load(r);
        }
      }
      boolean create = p.getProperty("client_secret") == null || p.getProperty("password") == null;
      if (create) {
        p.setProperty("client_secret", RandomTokens.generate());
        p.setProperty("password", RandomTokens.generate().substring(0, 16));
        Files.deleteIfExists(file);
        OwnerOnlyFiles.create(file);
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
          p.store(w, "Gatehouse demo credentials (embedded default only)");
        }
      }
      return new Outcome(
          new DemoCredentials(CLIENT_ID, p.getProperty("client_secret"), USERNAME, p.getProperty("password")),
          create, file);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot keep the demo credentials in " + file + ": " + e.getMessage(), e);
    }
  }
}
