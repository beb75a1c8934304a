package io.brokkr.runtime.internal.memory;

import io.brokkr.runtime.spi.StepRef;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/** One FIFO queue of claimable steps per worker name, shared by the nodes of a namespace. */
final class ReadyQueues {
  /**
   * An entry of {@code step}, numbered so that only the step's current entry claims it; {@code holder}
   * is that step's state.
   */
  record Entry(StepRef step, long number, MemoryStep holder) {
    /**
     * Whether this is still its step's entry. Told without the saga's lock: an entry once stale stays
     * stale (a step's entry numbers only grow), so claimers skip stale heads without waiting on a saga
     * that another thread is changing.
     */
    boolean isCurrent() {
      return holder.entry == number;
    }
  }

  private final ConcurrentHashMap<String, Queue<Entry>> queues = new ConcurrentHashMap<>();

  void push(String workerName, Entry entry) {
    queues.computeIfAbsent(workerName, w -> new ConcurrentLinkedQueue<>()).add(entry);
  }

  Optional<Entry> poll(String workerName) {
    Queue<Entry> queue = queues.get(workerName);
    return queue == null ? Optional.empty() : Optional.ofNullable(queue.poll());
  }

  Optional<Entry> peek(String workerName) {
    Queue<Entry> queue = queues.get(workerName);
    return queue == null ? Optional.empty() : Optional.ofNullable(queue.peek());
  }

  /** Takes {@code entry} out of its worker's queue, if another thread did not poll it first. */
  void remove(String workerName, Entry entry) {
    Queue<Entry> queue = queues.get(workerName);
    if (queue != null) {
      queue.remove(entry);
    }
  }
}
