package io.brokkr.runtime.internal.memory;

import io.brokkr.runtime.spi.StepRef;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/** One FIFO queue of claimable steps per worker name, shared by the nodes of a namespace. */
final class ReadyQueues {
  private final ConcurrentHashMap<String, Queue<StepRef>> queues = new ConcurrentHashMap<>();

  void push(String workerName, StepRef step) {
    queues.computeIfAbsent(workerName, w -> new ConcurrentLinkedQueue<>()).add(step);
  }

  Optional<StepRef> poll(String workerName) {
    Queue<StepRef> queue = queues.get(workerName);
    return queue == null ? Optional.empty() : Optional.ofNullable(queue.poll());
  }
}
