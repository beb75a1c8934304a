package io.brokkr.runtime.internal;

import io.brokkr.runtime.ReadyQueue;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Adds up the parts of ready queues (a saga's steps, a partition's entries) into
 * {@link ReadyQueue}s, the same way for every store.
 */
public final class QueueDepths {
  private final Map<String, ReadyQueue> byWorker = new TreeMap<>();

  /**
   * Counts {@code depth} more ready steps of {@code worker}, the oldest of them queued at {@code oldest}.
   *
   * @param worker the steps' worker
   * @param depth how many steps
   * @param oldest when the oldest of them was queued
   */
  public void add(String worker, long depth, Optional<Instant> oldest) {
    byWorker.merge(worker, new ReadyQueue(worker, depth, oldest), QueueDepths::sum);
  }

  /** {@return the queues counted, by worker; only workers with ready steps} */
  public List<ReadyQueue> queues() {
    return byWorker.values().stream().filter(queue -> queue.depth() > 0).toList();
  }

  private static ReadyQueue sum(ReadyQueue a, ReadyQueue b) {
    Optional<Instant> oldest = Stream.concat(a.oldestReadyAt().stream(), b.oldestReadyAt().stream())
        .min(Instant::compareTo);
    return new ReadyQueue(a.worker(), a.depth() + b.depth(), oldest);
  }
}
