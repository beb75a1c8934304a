package io.brokkr.bench;

import io.brokkr.runtime.Brokkr;
import java.util.Optional;

/** A store Brokkr runs on in the bench: each run gets a fresh node in a namespace of its own. */
interface BrokkrTarget extends AutoCloseable {

  /** The peer's name, e.g. {@code brokkr-memory}. */
  String name();

  /** The Redis this store keeps its sagas in, if any: the meter reads it. */
  Optional<RedisAddress> redis();

  /** A new node in {@code namespace} whose workers run {@code concurrency} attempts at once. */
  Brokkr node(String namespace, int concurrency);

  @Override
  default void close() {}
}
