package io.brokkr.faults;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.redisson.config.BaseConfig;
import org.redisson.config.Config;
import org.redisson.config.ConstantDelay;

/**
 * Where a client of the suite finds Redis: one server (or a node's proxy in front of it), the
 * sentinels of a master, or the masters of a cluster; and the Redisson configuration that reaches it.
 *
 * @param topology the deployment
 * @param masterName the name the sentinels monitor; empty for the other topologies
 * @param uris {@code redis://host:port} of the server, of every sentinel, or of every cluster master
 */
public record RedisAddress(Topology topology, String masterName, List<String> uris) {

  public RedisAddress {
    Objects.requireNonNull(topology, "topology");
    Objects.requireNonNull(masterName, "masterName");
    uris = List.copyOf(uris);
    if (uris.isEmpty() || (topology == Topology.SENTINEL) == masterName.isEmpty()) {
      throw new IllegalArgumentException("need addresses, and a master name exactly for sentinels: " + uris + " " + masterName);
    }
  }

  /** One server, or a proxy in front of it. */
  public static RedisAddress single(String uri) {
    return new RedisAddress(Topology.SINGLE, "", List.of(uri));
  }

  /** One command-line argument that {@link #fromArg} reads back. */
  public String toArg() {
    return topology + "|" + masterName + "|" + String.join(",", uris);
  }

  /** Reads what {@link #toArg()} wrote. */
  public static RedisAddress fromArg(String arg) {
    String[] parts = arg.split("\\|", -1);
    return new RedisAddress(Topology.valueOf(parts[0]), parts[1], Arrays.asList(parts[2].split(",")));
  }

  /**
   * A Redisson configuration of this address: each command times out after {@code timeoutMs} and is
   * re-sent {@code retries} times, {@link SuiteConfig#RESEND_DELAY_MS} apart, so that the suite knows
   * how long a command is tried.
   */
  public Config redisson(int timeoutMs, int retries, int poolSize) {
    Config config = new Config();
    switch (topology) {
      case SINGLE -> common(config.useSingleServer().setAddress(uris.get(0)).setConnectionMinimumIdleSize(2)
          .setConnectionPoolSize(poolSize)
          .setSubscriptionConnectionMinimumIdleSize(1), timeoutMs, retries);
      case SENTINEL -> common(config.useSentinelServers().setMasterName(masterName)
          .addSentinelAddress(uris.toArray(String[]::new)).setScanInterval(1000)
          .setMasterConnectionMinimumIdleSize(2).setMasterConnectionPoolSize(poolSize)
          .setSlaveConnectionMinimumIdleSize(1).setSlaveConnectionPoolSize(poolSize)
          .setSubscriptionConnectionMinimumIdleSize(1), timeoutMs, retries);
      case CLUSTER -> common(config.useClusterServers().addNodeAddress(uris.toArray(String[]::new)).setScanInterval(1000)
          .setMasterConnectionMinimumIdleSize(2).setMasterConnectionPoolSize(poolSize)
          .setSlaveConnectionMinimumIdleSize(0)
          .setSubscriptionConnectionMinimumIdleSize(1), timeoutMs, retries);
    }
    return config;
  }

  private static <T extends BaseConfig<T>> void common(T config, int timeoutMs, int retries) {
    config.setTimeout(timeoutMs).setRetryAttempts(retries)
        .setRetryDelay(new ConstantDelay(Duration.ofMillis(SuiteConfig.RESEND_DELAY_MS))).setConnectTimeout(2000)
        .setPingConnectionInterval(1000);
  }
}
