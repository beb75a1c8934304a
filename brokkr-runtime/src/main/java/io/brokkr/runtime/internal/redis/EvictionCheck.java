package io.brokkr.runtime.internal.redis;

import java.util.List;
import java.util.Locale;
import org.redisson.api.RedissonClient;
import org.redisson.api.redisnode.RedisNode;
import org.redisson.api.redisnode.RedisNodes;
import org.redisson.config.Config;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses a Redis that may evict keys: under {@code allkeys-*} any saga may vanish, under
 * {@code volatile-*} a settled saga whose outcome someone still awaits (it has a TTL). Where an ACL
 * forbids {@code CONFIG GET}, it warns instead, once per backend.
 */
final class EvictionCheck {
  private static final Logger LOG = LoggerFactory.getLogger(EvictionCheck.class);

  private EvictionCheck() {}

  /**
   * @throws IllegalStateException naming the server and its policy when a master may evict keys
   */
  static void check(RedissonClient client) {
    for (RedisNode master : masters(client)) {
      String policy;
      try {
        policy = master.getConfig("maxmemory-policy").getOrDefault("maxmemory-policy", "noeviction");
      } catch (RuntimeException e) {
        LOG.warn("Brokkr could not read maxmemory-policy of Redis at " + master.getAddr() + " (" + e.getMessage()
            + "); make sure it is noeviction: a policy that evicts keys loses sagas");
        continue;
      }
      if (evicts(policy)) {
        throw new IllegalStateException("Redis at " + master.getAddr() + " has maxmemory-policy " + policy
            + ": it may evict Brokkr's sagas, leaving their outcomes unknown; set maxmemory-policy noeviction"
            + " (CONFIG SET maxmemory-policy noeviction, or in redis.conf)");
      }
    }
  }

  static boolean evicts(String policy) {
    String p = policy.toLowerCase(Locale.ROOT);
    return p.startsWith("allkeys-") || p.startsWith("volatile-");
  }

  private static List<? extends RedisNode> masters(RedissonClient client) {
    Config config = client.getConfig();
    if (config.isClusterConfig()) {
      return List.copyOf(client.getRedisNodes(RedisNodes.CLUSTER).getMasters());
    }
    if (config.isSentinelConfig()) {
      return List.of(client.getRedisNodes(RedisNodes.SENTINEL_MASTER_SLAVE).getMaster());
    }
    if (config.isSingleConfig()) {
      return List.of(client.getRedisNodes(RedisNodes.SINGLE).getInstance());
    }
    return List.of(client.getRedisNodes(RedisNodes.MASTER_SLAVE).getMaster());
  }
}
