package io.brokkr.runtime.differential;

import io.brokkr.runtime.InMemoryBackend;
import io.brokkr.runtime.RedisBackend;
import io.brokkr.runtime.RedisOptions;
import io.brokkr.runtime.spi.SagaSnapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.redisson.api.RedissonClient;

/**
 * Runs sequences of calls on both stores, each sequence in a fresh namespace, comparing after every
 * call and stopping at the first difference.
 */
final class Runner {
  private static final AtomicLong NAMESPACES = new AtomicLong();

  /** What a run did: the calls made (up to the first difference) and that difference, if any. */
  record Result(List<Call> calls, Optional<Difference> difference) {}

  private final RedisBackend redis;
  private long callsRun;
  private final Coverage coverage = new Coverage();

  Runner(RedissonClient client) {
    // One partition: with several, Redis claims from the partitions in turn, an order across sagas
    // that the SPI leaves open and the in-memory store's single queue per worker cannot follow.
    this.redis = RedisBackend.on(client, RedisOptions.defaults().withPartitions(1));
  }

  /** What the calls of this runner reached, as the in-memory store answered them (the Redis one agreed). */
  Coverage coverage() {
    return coverage;
  }

  /** Calls made so far by this runner, on each store. */
  long callsRun() {
    return callsRun;
  }

  /** Generates {@code length} calls from {@code seed}, each chosen from the in-memory store's state. */
  Result generate(long seed, int length) {
    SequenceGenerator generator = new SequenceGenerator(seed);
    return run(length, generator::next);
  }

  /** Makes exactly these calls. */
  Result replay(List<Call> calls) {
    return run(calls.size(), new Function<>() {
      private int next;

      @Override
      public Call apply(Map<String, Optional<SagaSnapshot>> sagas) {
        return calls.get(next++);
      }
    });
  }

  private Result run(int length, Function<Map<String, Optional<SagaSnapshot>>, Call> nextCall) {
    String namespace = "diff-" + NAMESPACES.incrementAndGet();
    List<Call> made = new ArrayList<>();
    try (Side memory = new Side(InMemoryBackend.create(), namespace, SequenceGenerator.NODES);
        Side redisSide = new Side(redis, namespace, SequenceGenerator.NODES)) {
      Map<String, Optional<SagaSnapshot>> state = new LinkedHashMap<>();
      SequenceGenerator.SAGAS.forEach(sagaId -> state.put(sagaId, Optional.empty()));
      for (int i = 0; i < length; i++) {
        Call call = nextCall.apply(state);
        made.add(call);
        callsRun++;
        Observation m = memory.observe(call, SequenceGenerator.SAGAS);
        Observation r = redisSide.observe(call, SequenceGenerator.SAGAS);
        Optional<Difference> difference = Comparison.of(i, call, m, r);
        if (difference.isPresent()) {
          return new Result(made, difference);
        }
        coverage.add(call, m);
        state.putAll(m.sagas());
      }
    }
    return new Result(made, Optional.empty());
  }
}
