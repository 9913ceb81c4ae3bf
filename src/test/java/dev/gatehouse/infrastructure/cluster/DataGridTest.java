package dev.gatehouse.infrastructure.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link DataGrid} reads a Hazelcast instance through the shape of Hazelcast 5's public API only; these stand-ins
 * have that shape (a non-public implementation behind public interfaces, as Hazelcast's own proxies are).
 */
class DataGridTest {

  @Test
  void whenNoHazelcastIsVisible_thenNoGridIsFound() {
    // The test class path has no com.hazelcast and no JNDI provider: like WildFly, or Payara with --nohazelcast.
    assertEquals(Optional.empty(), DataGrid.active());
  }

  @Test
  void whenAGridRunsWithMulticast_thenItsNameMembersDiscoveryAndMissingAuthenticationAreDescribed() {
    DataGrid.Description grid = DataGrid.describe(new Instance(true, true, false)).orElseThrow();

    assertEquals("development", grid.clusterName());
    assertEquals(List.of("[127.0.0.1]:6900", "[192.0.2.7]:6900"), grid.members());
    assertEquals("multicast 224.2.2.4:2904", grid.discovery());
    assertEquals("any", grid.interfaces());
    assertFalse(grid.authenticated());
    String text = grid.toString();
    assertTrue(text.contains("2 member(s) [[127.0.0.1]:6900, [192.0.2.7]:6900]"), text);
    assertTrue(text.contains("listening at /127.0.0.1:6900"), text);
    assertTrue(text.endsWith("no member authentication"), text);
  }

  @Test
  void whenDiscoveryIsOff_thenTheDescriptionSaysTheMemberStillAcceptsConnections() {
    DataGrid.Description grid = DataGrid.describe(new Instance(true, false, false)).orElseThrow();

    assertEquals("off (it still accepts members and clients that connect)", grid.discovery());
  }

  @Test
  void whenTheInstanceIsShutDown_thenThereIsNoGrid() {
    assertEquals(Optional.empty(), DataGrid.describe(new Instance(false, true, false)));
  }

  @Test
  void whenPartsCannotBeRead_thenTheyAreUnknownAndTheGridIsStillReported() {
    DataGrid.Description grid = DataGrid.describe(new Object()).orElseThrow();

    assertEquals(0, grid.memberCount());
    assertTrue(grid.toString().contains("cluster name unknown"), grid.toString());
    assertTrue(grid.toString().contains("discovery unknown"), grid.toString());
  }

  // Stand-ins with the method names of com.hazelcast.core.HazelcastInstance, config.Config, cluster.Cluster, ...

  public interface HazelcastInstance {
    Lifecycle getLifecycleService();

    Config getConfig();

    Cluster getCluster();
  }

  /** Not public, like Hazelcast's HazelcastInstanceProxy behind its public interface. */
  record Instance(boolean running, boolean multicast, boolean security) implements HazelcastInstance {
    @Override
    public Lifecycle getLifecycleService() {
      return () -> running;
    }

    @Override
    public Config getConfig() {
      return new Config("development", new NetworkConfig(new JoinConfig(new MulticastConfig(multicast),
          new TcpIpConfig(false)), new InterfacesConfig(false)), new SecurityConfig(security));
    }

    @Override
    public Cluster getCluster() {
      return new Cluster(Set.of(new Member("[127.0.0.1]:6900"), new Member("[192.0.2.7]:6900")),
          new Member("[127.0.0.1]:6900"));
    }
  }

  public interface Lifecycle {
    boolean isRunning();
  }

  public record Config(String getClusterName, NetworkConfig getNetworkConfig, SecurityConfig getSecurityConfig) {}

  public record NetworkConfig(JoinConfig getJoin, InterfacesConfig getInterfaces) {}

  public record JoinConfig(MulticastConfig getMulticastConfig, TcpIpConfig getTcpIpConfig) {}

  public record MulticastConfig(boolean isEnabled) {
    public String getMulticastGroup() {
      return "224.2.2.4";
    }

    public int getMulticastPort() {
      return 2904;
    }
  }

  public record TcpIpConfig(boolean isEnabled) {}

  public record InterfacesConfig(boolean isEnabled) {}

  public record SecurityConfig(boolean isEnabled) {}

  public record Cluster(Set<Member> members, Member getLocalMember) {
    public List<Member> getMembers() {
      return members.stream().sorted((a, b) -> a.getAddress().compareTo(b.getAddress())).toList();
    }
  }

  public record Member(String getAddress) {
    public InetSocketAddress getSocketAddress() {
      return new InetSocketAddress("127.0.0.1", 6900);
    }
  }
}
