package io.brokkr.bench;

import java.io.IOException;
import java.util.Optional;

/** A test peer that is only a name, on the bench's Redis or not: it supports every case and runs none. */
class NamedPeer implements Peer {
  private final String name;
  private final boolean onRedis;

  NamedPeer(String name, boolean onRedis) {
    this.name = name;
    this.onRedis = onRedis;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Optional<RedisAddress> redis() {
    return onRedis ? Optional.of(new RedisAddress("127.0.0.1", 6379)) : Optional.empty();
  }

  @Override
  public boolean supports(Case c) {
    return true;
  }

  /** Tests that run a case override it. */
  @Override
  public Trial open(Case c, Meter meter) throws IOException {
    throw new UnsupportedOperationException("not run here");
  }

  @Override
  public String toString() {
    return name;
  }
}
