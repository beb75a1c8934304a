package io.brokkr.bench;

import java.util.Map;
import java.util.Optional;

/**
 * What one run cost the Redis server.
 *
 * @param delta the change of its counters over a measured run
 * @param clientCommands the commands clients sent during a probe run, by name
 */
record RedisUsage(Optional<RedisInfo.Delta> delta, Map<String, Long> clientCommands) {
  static final RedisUsage NONE = new RedisUsage(Optional.empty(), Map.of());
}
