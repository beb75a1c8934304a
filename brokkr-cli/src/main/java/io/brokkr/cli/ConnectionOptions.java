package io.brokkr.cli;

import io.brokkr.runtime.RedisOptions;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** Where the sagas are: the Redis server, the namespace, the ACL user. */
final class ConnectionOptions {
  @Option(names = "--redis", paramLabel = "URL", converter = RedisUrl.Converter.class,
      defaultValue = "${env:BROKKR_REDIS:-redis://127.0.0.1:6379}",
      description = "redis://HOST:PORT, or rediss://HOST:PORT for TLS (env BROKKR_REDIS; default ${DEFAULT-VALUE}).")
  RedisUrl redis;

  @Option(names = "--cluster", defaultValue = "${env:BROKKR_CLUSTER:-false}",
      description = "--redis names a node of a Redis Cluster; the others are found from it (env BROKKR_CLUSTER).")
  boolean cluster;

  @Option(names = "--namespace", paramLabel = "NS", defaultValue = "${env:BROKKR_NAMESPACE:-brokkr}",
      description = "The sagas' namespace (env BROKKR_NAMESPACE; default ${DEFAULT-VALUE}).")
  String namespace;

  @Option(names = "--user", paramLabel = "USER", defaultValue = "${env:BROKKR_USER}",
      description = "The ACL user (env BROKKR_USER; default: Redis's default user).")
  @Nullable String user;

  @Option(names = "--password", paramLabel = "PASSWORD", defaultValue = "${env:BROKKR_PASSWORD}",
      interactive = true, arity = "0..1",
      description = "The password (env BROKKR_PASSWORD); without a value, asked for on the terminal.")
  @Nullable String password;

  @Option(names = "--partitions", paramLabel = "N", defaultValue = "" + RedisOptions.DEFAULT_PARTITIONS,
      description = "The namespace's number of partitions, as its nodes are configured (default ${DEFAULT-VALUE}).")
  int partitions;

  @Option(names = "--connect-timeout", paramLabel = "DURATION", defaultValue = "2s",
      converter = PositiveDuration.class,
      description = "How long to wait for Redis to answer before giving up, e.g. 500ms, 5s (default ${DEFAULT-VALUE}).")
  Duration connectTimeout;

  Optional<String> user() {
    return Optional.ofNullable(user).filter(u -> !u.isEmpty());
  }

  Optional<String> password() {
    return Optional.ofNullable(password).filter(p -> !p.isEmpty());
  }
}
