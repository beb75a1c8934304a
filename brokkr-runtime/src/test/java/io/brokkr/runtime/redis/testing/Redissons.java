package io.brokkr.runtime.redis.testing;

import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;

/** Redisson clients on the harness's servers, with small pools that suit a test JVM. */
public final class Redissons {
  private Redissons() {}

  /** A client of one standalone server. */
  public static RedissonClient of(RedisServer server) {
    Config config = new Config();
    // A long subscription timeout: tests that open thousands of store views (each subscribes to its
    // namespace's events) must not fail because a loaded 2-core machine took over 7.5 s to subscribe.
    config.useSingleServer().setAddress(server.uri())
        .setConnectionMinimumIdleSize(4).setConnectionPoolSize(32)
        .setSubscriptionConnectionMinimumIdleSize(1).setSubscriptionTimeout(60_000);
    return Redisson.create(config);
  }

  /** A client of one standalone server, authenticated as an ACL user. */
  public static RedissonClient of(RedisServer server, String user, String password) {
    Config config = new Config();
    config.useSingleServer().setAddress(server.uri()).setUsername(user).setPassword(password)
        .setConnectionMinimumIdleSize(2).setConnectionPoolSize(8).setSubscriptionConnectionMinimumIdleSize(1);
    return Redisson.create(config);
  }

  /** A client of a cluster. */
  public static RedissonClient of(RedisCluster cluster) {
    Config config = new Config();
    config.useClusterServers().addNodeAddress(cluster.uris().toArray(String[]::new))
        .setMasterConnectionMinimumIdleSize(4).setMasterConnectionPoolSize(32)
        .setSubscriptionConnectionMinimumIdleSize(1);
    return Redisson.create(config);
  }
}
