package io.brokkr.runtime.internal.redis;

import java.time.Duration;
import java.util.Set;
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
  private final ReadyHeads heads;
  private final KeyLayout keys;
  private final ScheduledExecutorService thread;
  private final BiConsumer<String, String> publish;
  private final long afterNanos;
  /** The queues (partition, worker) whose check is scheduled: one at a time each. */
  private final Set<String> pending = ConcurrentHashMap.newKeySet();

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
    String worker = head.worker();
    int partition = keys.partitionOf(head.step().sagaId());
    String queue = partition + "\n" + worker;
    if (!pending.add(queue)) {
      return;
    }
    try {
      thread.schedule(() -> {
        pending.remove(queue);
        heads.untaken(worker, partition).ifPresent(entry -> publish.accept(keys.workerChannel(worker), entry.raw()));
      }, afterNanos, TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException closing) {
      pending.remove(queue); // the store is closing: its sagas' heads now go to every node (nobody hears its channel)
    }
  }
}
