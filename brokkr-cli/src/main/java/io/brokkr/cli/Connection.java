package io.brokkr.cli;

import io.brokkr.runtime.Brokkr;
import io.brokkr.runtime.RedisBackend;
import io.brokkr.runtime.RedisOptions;
import io.brokkr.runtime.Saga;
import io.brokkr.runtime.SagaListener;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;
import org.redisson.config.BaseConfig;

/**
 * A Brokkr node without workers on the namespace, and its Redisson client: opened for one command,
 * closed after it. The node does not announce itself, so it is no live node of the namespace. It fails fast: a Redis that does not answer within the connect timeout is
 * given up after one retry.
 */
final class Connection implements AutoCloseable {
  private final ConnectionOptions options;
  private final RedissonClient client;
  private final Brokkr brokkr;

  private Connection(ConnectionOptions options, RedissonClient client, Brokkr brokkr) {
    this.options = options;
    this.client = client;
    this.brokkr = brokkr;
  }

  /** Connects, then opens a node that tells {@code listeners} every transition it sees. */
  static Connection open(ConnectionOptions options, List<SagaListener> listeners) throws CliException {
    RedissonClient client = connect(options);
    try {
      // The CLI observes: its node stays out of liveNodes.
      var builder = Brokkr.builder().namespace(options.namespace).nodeId(NodeName.of()).announced(false);
      listeners.forEach(builder::listener);
      RedisOptions redis = RedisOptions.defaults().withPartitions(options.partitions);
      Brokkr brokkr = builder.build(RedisBackend.on(client, redis));
      return new Connection(options, client, brokkr);
    } catch (RuntimeException e) {
      shutdown(client);
      throw e;
    }
  }

  private static RedissonClient connect(ConnectionOptions options) throws CliException {
    int timeout = (int) Math.min(Integer.MAX_VALUE, options.connectTimeout.toMillis());
    Config config = new Config().setThreads(2).setNettyThreads(4);
    BaseConfig<?> server;
    if (options.cluster) {
      // One node is enough: Redisson finds the others, and which master holds which slots.
      server = config.useClusterServers().addNodeAddress(options.redis.text())
          .setMasterConnectionMinimumIdleSize(1).setMasterConnectionPoolSize(4)
          .setSubscriptionConnectionMinimumIdleSize(1).setSubscriptionConnectionPoolSize(2);
    } else {
      server = config.useSingleServer().setAddress(options.redis.text())
          .setConnectionMinimumIdleSize(1).setConnectionPoolSize(4)
          .setSubscriptionConnectionMinimumIdleSize(1).setSubscriptionConnectionPoolSize(2);
    }
    server.setConnectTimeout(timeout).setTimeout(timeout).setRetryAttempts(1);
    options.user().ifPresent(server::setUsername);
    options.password().ifPresent(server::setPassword);
    try {
      return Redisson.create(config);
    } catch (RuntimeException e) {
      throw new CliException(Failures.redisProblem(e, options.redis), e);
    }
  }

  Brokkr brokkr() {
    return brokkr;
  }

  /** The saga of that id, or the one line that says it is not there. */
  Saga saga(String sagaId) throws CliException {
    return brokkr.getSaga(sagaId).orElseThrow(() -> new CliException(
        "no saga \"" + sagaId + "\" in namespace \"" + options.namespace + "\" on " + options.redis.shown()));
  }

  @Override
  public void close() {
    try {
      brokkr.close();
    } finally {
      shutdown(client);
    }
  }

  private static void shutdown(RedissonClient client) {
    client.shutdown(0, 2, TimeUnit.SECONDS);
  }
}
