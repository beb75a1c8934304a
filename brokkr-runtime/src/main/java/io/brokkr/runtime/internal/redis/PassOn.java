package io.brokkr.runtime.internal.redis;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * Hands a queue's work to every node of its worker when this node, told of the queue's head first
 * because it created the head's saga (common.lua's publish), has not taken that work a while later:
 * its threads are busy with long steps, or a burst of its sagas queued more than it runs at once.
 * Until then the other nodes hear nothing of it; after, the first of them to claim learns the rest
 * of the queue from its claims' replies. Without it they would find that work only at their sweeps,
 * and only a head that did not move for a whole sweep, which a busy creator's queue never is.
 *
 * <p>It runs on the store's thread and reads only what this node knows ({@link ReadyHeads}): no
 * Redis call unless work is left, then one {@code PUBLISH}. A view that was wrong (another node took
 * the work meanwhile) costs the other nodes a claim that finds the queue empty.
 */
final class PassOn {
  /** A worker's queue in one partition. */
  private record Queue(int partition, String worker) {}

  private final ReadyHeads heads;
  private final KeyLayout keys;
  private final ScheduledExecutorService thread;
  private final BiConsumer<String, String> publish;
  private final long afterNanos;
  /** The queues whose check is scheduled, one at a time each, with the last head told of each. */
  private final Map<Queue, Entry> pending = new ConcurrentHashMap<>();
  /** Whether this node takes no more work: what it is told first goes on at once. */
  private volatile boolean handingOver;

  /**
   * @param publish sends a text on a channel, not waiting for Redis's answer
   * @param after how long this node may take to start on the work it was told of first
   */
  PassOn(ReadyHeads heads, KeyLayout keys, ScheduledExecutorService thread, BiConsumer<String, String> publish,
      Duration after) {
    this.heads = heads;
    this.keys = keys;
    this.thread = thread;
    this.publish = publish;
    this.afterNanos = after.toNanos();
  }

  /** This node was told first of {@code head}, the head of its worker's queue in its partition. */
  void toldFirst(Entry head) {
    if (handingOver) {
      passOn(head); // this node takes none of it
      return;
    }
    Queue queue = new Queue(keys.partitionOf(head.step().sagaId()), head.worker());
    if (pending.put(queue, head) == null) { // else its check is scheduled already
      try {
        thread.schedule(() -> {
          if (pending.remove(queue) != null) {
            heads.untaken(queue.worker(), queue.partition()).ifPresent(this::passOn);
          }
        }, afterNanos, TimeUnit.NANOSECONDS);
      } catch (RejectedExecutionException closing) {
        pending.remove(queue, head); // the store is closing: its sagas' heads now go to every node (nobody hears its channel)
      }
    }
    if (handingOver) {
      handOver(); // the hand-over began meanwhile, perhaps after it looked at the pending checks
    }
  }

  /**
   * This node takes no more work (it drains before it closes): the work it was told of first and did
   * not take goes to every node of its worker now, not after the delay (the store may close before),
   * and so does, at once, every head it is told first from now on.
   */
  void handOver() {
    handingOver = true;
    for (Queue queue : List.copyOf(pending.keySet())) {
      Entry told = pending.remove(queue);
      if (told != null) {
        // The head told may not be among this node's heads yet (its saga's message may follow it).
        passOn(heads.untaken(queue.worker(), queue.partition()).orElse(told));
      }
    }
  }

  /** Tells every node of the entry's worker of it. */
  private void passOn(Entry entry) {
    publish.accept(keys.workerChannel(entry.worker()), entry.raw());
  }
}
