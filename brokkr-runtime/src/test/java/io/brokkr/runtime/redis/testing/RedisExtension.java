package io.brokkr.runtime.redis.testing;

import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.redisson.api.RedissonClient;

/**
 * A real Redis (one server, or a cluster) and a Redisson client on it, for all the tests of a class:
 * {@code @RegisterExtension static final RedisExtension redis = RedisExtension.server();}.
 */
public final class RedisExtension implements BeforeAllCallback, AfterAllCallback {
  private final int masters;
  private Optional<RedisServer> server = Optional.empty();
  private Optional<RedisCluster> cluster = Optional.empty();
  private Optional<RedissonClient> client = Optional.empty();

  private RedisExtension(int masters) {
    this.masters = masters;
  }

  /** One standalone redis-server. */
  public static RedisExtension server() {
    return new RedisExtension(0);
  }

  /** A cluster of {@code masters} masters. */
  public static RedisExtension cluster(int masters) {
    return new RedisExtension(masters);
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    if (masters == 0) {
      server = Optional.of(RedisServer.start());
      client = Optional.of(Redissons.of(server.get()));
    } else {
      cluster = Optional.of(RedisCluster.start(masters));
      client = Optional.of(Redissons.of(cluster.get()));
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    client.ifPresent(RedissonClient::shutdown);
    server.ifPresent(RedisServer::close);
    cluster.ifPresent(RedisCluster::close);
  }

  public RedissonClient client() {
    return client.orElseThrow();
  }

  /** The standalone server. */
  public RedisServer redisServer() {
    return server.orElseThrow();
  }

  /** The cluster. */
  public RedisCluster redisCluster() {
    return cluster.orElseThrow();
  }
}
