package io.brokkr.runtime;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A worker's ready queue ({@link Brokkr#readyQueues()}): its steps that wait for a node to claim
 * them, queued and not waiting out a retry's backoff.
 *
 * @param worker the worker's name
 * @param depth how many of its steps are ready
 * @param oldestReadyAt when the step that has waited longest was queued (its queue wait started);
 *     empty when the store cannot tell
 */
public record ReadyQueue(String worker, long depth, Optional<Instant> oldestReadyAt) {

  /**
   * Checks that no component is null and that the depth is not negative.
   *
   * @param worker the worker's name
   * @param depth how many of its steps are ready
   * @param oldestReadyAt when the step that has waited longest was queued
   */
  public ReadyQueue {
    Objects.requireNonNull(worker, "worker");
    if (depth < 0) {
      throw new IllegalArgumentException("depth must not be negative, got " + depth);
    }
    Objects.requireNonNull(oldestReadyAt, "oldestReadyAt");
  }
}
