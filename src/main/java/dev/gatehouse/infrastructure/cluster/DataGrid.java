package dev.gatehouse.infrastructure.cluster;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * The data grid of the server Gatehouse runs in, if there is one: Payara's Hazelcast member.
 *
 * <p>Why Gatehouse looks: Payara Micro's default domain starts a Hazelcast member that discovers others by multicast
 * (group 224.2.2.4, port 2904, cluster name {@code development}) and authenticates nobody (Hazelcast's member security
 * is an Enterprise feature). Whoever reaches it can join, or connect as a Hazelcast client, and run asadmin commands on
 * this server through Payara's cluster executor: undeploy Gatehouse, change its configuration. {@code --nocluster}
 * only switches discovery off: the member still listens (on every interface) and still takes members and clients that
 * connect to it; and with {@code --nocluster}, Payara Micro ignores {@code --nohazelcast}. Gatehouse needs no grid:
 * its nodes share the database and call each other over HTTP with a shared secret ({@code GATEHOUSE_CLUSTER_PEERS}).
 * So {@code application.lifecycle.Startup} warns when one runs.
 *
 * <p>Portable, with no compile dependency on Hazelcast or Payara: the instance is found under Payara's JNDI name
 * {@value #PAYARA_JNDI_NAME}, or else through {@code com.hazelcast.core.Hazelcast#getAllHazelcastInstances} loaded by
 * the thread context class loader, and it is read through public methods by reflection only. Whatever cannot be read
 * reads as unknown, never as a failed start. A server without Hazelcast (WildFly) finds nothing.
 */
public final class DataGrid {
  static final String PAYARA_JNDI_NAME = "payara/Hazelcast";
  private static final int MEMBERS_SHOWN = 10;

  /** What could be read of a running grid; {@code null} parts are unknown. */
  public record Description(String clusterName, List<String> members, int memberCount, String listening, String discovery,
      String interfaces, boolean authenticated) {

    @Override
    public String toString() {
      return "cluster name " + known(clusterName) + ", " + memberCount + " member(s) " + members
          + (memberCount > members.size() ? " and more" : "") + ", listening at " + known(listening)
          + ", discovery " + known(discovery) + ", interfaces " + known(interfaces)
          + (authenticated ? ", member security on" : ", no member authentication");
    }

    private static String known(String value) {
      return value == null ? "unknown" : value;
    }
  }

  private DataGrid() {}

  /** The running grid of this server, described; empty when there is none. */
  public static Optional<Description> active() {
    return find().flatMap(DataGrid::describe);
  }

  /** A Hazelcast instance visible to this application, running or not. */
  static Optional<Object> find() {
    Optional<Object> bound = lookup(PAYARA_JNDI_NAME);
    return bound.isPresent() ? bound : allHazelcastInstances().stream().<Object>map(i -> i).findFirst();
  }

  private static Optional<Object> lookup(String name) {
    try {
      InitialContext context = new InitialContext();
      try {
        return Optional.ofNullable(context.lookup(name));
      } finally {
        context.close();
      }
    } catch (NamingException | RuntimeException notBound) {
      return Optional.empty();
    }
  }

  private static Collection<?> allHazelcastInstances() {
    try {
      Class<?> hazelcast = Class.forName(
          "com.hazelcast.core.Hazelcast", false, Thread.currentThread().getContextClassLoader());
      Object all = hazelcast.getMethod("getAllHazelcastInstances").invoke(null);
      return all instanceof Collection<?> instances ? instances : List.of();
    } catch (ReflectiveOperationException | RuntimeException | LinkageError noHazelcast) {
      return List.of();
    }
  }

  /**
   * {@code instance} described, or empty when it says it is not running. The calls are those of Hazelcast 5's public
   * API ({@code HazelcastInstance}, {@code Config}, {@code JoinConfig}, {@code Member}).
   */
  static Optional<Description> describe(Object instance) {
    if (Boolean.FALSE.equals(read(instance, "getLifecycleService", "isRunning"))) {
      return Optional.empty();
    }
    Object config = read(instance, "getConfig");
    List<String> members = new ArrayList<>();
    int count = 0;
    if (read(instance, "getCluster", "getMembers") instanceof Collection<?> all) {
      for (Object member : all) {
        if (count++ < MEMBERS_SHOWN) {
          members.add(String.valueOf(read(member, "getAddress")));
        }
      }
    }
    Object listening = read(instance, "getCluster", "getLocalMember", "getSocketAddress");
    return Optional.of(new Description(text(read(config, "getClusterName")), List.copyOf(members), count,
        text(listening), discovery(read(config, "getNetworkConfig", "getJoin")),
        interfaces(read(config, "getNetworkConfig", "getInterfaces")),
        Boolean.TRUE.equals(read(config, "getSecurityConfig", "isEnabled"))));
  }

  private static String discovery(Object join) {
    if (join == null) {
      return null;
    }
    List<String> ways = new ArrayList<>();
    Object multicast = read(join, "getMulticastConfig");
    if (Boolean.TRUE.equals(read(multicast, "isEnabled"))) {
      ways.add("multicast " + read(multicast, "getMulticastGroup") + ":" + read(multicast, "getMulticastPort"));
    }
    Object tcpIp = read(join, "getTcpIpConfig");
    if (Boolean.TRUE.equals(read(tcpIp, "isEnabled"))) {
      ways.add("TCP-IP " + read(tcpIp, "getMembers"));
    }
    for (String other : List.of("Kubernetes", "Discovery", "AutoDetection", "Aws", "Gcp", "Azure", "Eureka")) {
      if (Boolean.TRUE.equals(read(join, "get" + other + "Config", "isEnabled"))) {
        ways.add(other.equals("Discovery") ? "SPI" : other); // reads "discovery SPI" (Payara Server's domain mode)
      }
    }
    return ways.isEmpty() ? "off (it still accepts members and clients that connect)" : String.join(", ", ways);
  }

  private static String interfaces(Object interfaces) {
    Object enabled = read(interfaces, "isEnabled");
    if (Boolean.FALSE.equals(enabled)) {
      return "any";
    }
    return Boolean.TRUE.equals(enabled) ? String.valueOf(read(interfaces, "getInterfaces")) : null;
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }

  /** {@code target.a().b()…} for the no-argument public methods named, or {@code null} as soon as one fails. */
  static Object read(Object target, String... methods) {
    Object current = target;
    for (String name : methods) {
      if (current == null) {
        return null;
      }
      Method method = publicMethod(current.getClass(), name);
      if (method == null) {
        return null;
      }
      try {
        current = method.invoke(current);
      } catch (ReflectiveOperationException | RuntimeException | LinkageError unreadable) {
        return null;
      }
    }
    return current;
  }

  /**
   * The no-argument method {@code name} as declared by a public class or interface of {@code type}: an implementation
   * class is often not public, and calling through it would be refused.
   */
  private static Method publicMethod(Class<?> type, String name) {
    Deque<Class<?>> todo = new ArrayDeque<>(List.of(type));
    Set<Class<?>> seen = new HashSet<>();
    while (!todo.isEmpty()) {
      Class<?> candidate = todo.poll();
      if (!seen.add(candidate)) {
        continue;
      }
      if (Modifier.isPublic(candidate.getModifiers())) {
        try {
          Method method = candidate.getMethod(name);
          if (Modifier.isPublic(method.getDeclaringClass().getModifiers())) {
            return method;
          }
        } catch (NoSuchMethodException notHere) {
          // a public superclass (Object, Record) may lack it while an interface has it: look further
        }
      }
      if (candidate.getSuperclass() != null) {
        todo.add(candidate.getSuperclass());
      }
      todo.addAll(List.of(candidate.getInterfaces()));
    }
    return null;
  }
}
