package io.brokkr.runtime.internal.redis;

import io.brokkr.runtime.spi.Claim;
import io.brokkr.runtime.spi.Settling;
import io.brokkr.runtime.spi.StepSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.redisson.api.RFuture;
import org.redisson.api.RScript;

/**
 * Claims the next ready step of a worker. The claim script is called for the entry this node
 * believes heads the worker's queue ({@link ReadyHeads}), whose saga's keys it names; when another
 * claimer took that entry, the call claims the queue's new head instead (a step of any saga of the
 * partition: its keys are of the same slot). A call more only when the queue emptied or its new head
 * cannot be granted; steady state: one call per claim, none for an empty queue.
 */
final class Claims {
  /** Bounds the corrections of one claim (stale entries dropped, heads taken by other nodes). */
  private static final int MAX_ROUNDS = 10_000;

  private final KeyLayout keys;
  private final ScriptCalls calls;
  private final Argv argv;
  private final ReadyHeads heads;
  private final Snapshots snapshots;
  private final Consumer<String> follow;
  private final Consumer<Settling> settledHere;
  private final Consumer<Entry> passedOver;

  /**
   * @param follow subscribes to a worker's ready entries; called before its queues are first read,
   *     so that no entry queued after that read goes unannounced
   * @param settledHere told of a saga that a claim settled (its step failed for good)
   * @param passedOver told of a head whose claim ended after another claim of this node passed it
   *     over (it found nothing else): the node should look for that worker's work again
   */
  Claims(KeyLayout keys, ScriptCalls calls, Argv argv, ReadyHeads heads, Snapshots snapshots, Consumer<String> follow,
      Consumer<Settling> settledHere, Consumer<Entry> passedOver) {
    this.follow = follow;
    this.settledHere = settledHere;
    this.passedOver = passedOver;
    this.keys = keys;
    this.calls = calls;
    this.argv = argv;
    this.heads = heads;
    this.snapshots = snapshots;
  }

  Optional<Claim> next(String workerName, String nodeId, Instant now, Duration lease) {
    follow.accept(workerName);
    heads.track(workerName);
    for (int round = 0; round < MAX_ROUNDS; round++) {
      Optional<Entry> next = heads.next(workerName);
      if (next.isEmpty()) {
        List<Integer> unknown = heads.unknown(workerName);
        if (unknown.isEmpty()) {
          return Optional.empty();
        }
        peek(List.of(workerName), unknown);
        continue;
      }
      Entry entry = next.get();
      String sagaId = entry.step().sagaId();
      Optional<Claim> claim;
      try {
        Reply reply = Reply.decode(calls.transition(Script.CLAIM, keys.keys(sagaId), argv.of(sagaId,
            List.of(workerName, entry.raw(), entry.step().stepId(), nodeId, now.toEpochMilli(), lease.toMillis()))));
        claim = answered(entry, reply);
      } finally {
        ended(entry);
      }
      if (claim.isPresent()) {
        return claim;
      }
    }
    return Optional.empty();
  }

  /** The claim of {@code head} that {@link ReadyHeads} gave this thread ended (answered or not). */
  void ended(Entry head) {
    if (heads.release(head)) {
      passedOver.accept(head);
    }
  }

  /**
   * What the node learns from the answer to a claim of {@code expected} (a claim call's, or one that
   * followed a completion in its call): the queue's head, and the claim when it was granted.
   */
  Optional<Claim> answered(Entry expected, Reply reply) {
    String sagaId = expected.step().sagaId();
    String workerName = expected.worker();
    int partition = keys.partitionOf(sagaId);
    if (reply instanceof Reply.Claimed claimed) {
      heads.learn(workerName, partition, claimed.sequence(), claimed.following());
      // The entry claimed: the expected one, or the queue's new head when another claimer took it.
      Entry entry = claimed.claimed();
      return Optional.of(claim(snapshots, entry.step().sagaId(), claimed.granted(), Optional.of(entry.queuedAt())));
    } else if (reply instanceof Reply.Miss miss) {
      heads.learn(workerName, partition, miss.sequence(), miss.head());
    } else if (reply instanceof Reply.Dropped dropped) {
      heads.learn(workerName, partition, dropped.sequence(), dropped.following());
      dropped.settled().ifPresent(settled -> settledHere.accept(settled.of(sagaId, snapshots)));
    } else {
      throw new IllegalStateException("unexpected reply of the claim script: " + reply);
    }
    return Optional.empty();
  }

  /**
   * The claim a script granted; {@code readyAt} is empty for a step claimed in the call that made it
   * ready.
   */
  static Claim claim(Snapshots snapshots, String sagaId, Reply.Granted granted, Optional<Instant> readyAt) {
    StepSnapshot step = snapshots.step(sagaId, granted.stepJson(), granted.argsJson(), Optional.empty());
    return new Claim(step, step.lease().orElseThrow(), granted.dependencyResults(),
        snapshots.context(granted.stepJson()), readyAt);
  }

  /** Reads the heads of some workers' queues in some partitions, in one round trip. */
  void peek(List<String> workers, Collection<Integer> partitions) {
    List<RFuture<List<Object>>> replies = calls.batch("peek", batch -> {
      List<RFuture<List<Object>>> futures = new ArrayList<>();
      for (int p : partitions) {
        futures.add(batch.getScript(ScriptCodec.INSTANCE).evalShaAsync(RScript.Mode.READ_WRITE, calls.sha(Script.PEEK),
            RScript.ReturnType.MULTI, List.of(keys.readyKey(p), keys.seqKey(p)), workers.toArray()));
      }
      return futures;
    });
    int i = 0;
    for (int p : partitions) {
      List<Object> reply = replies.get(i++).toCompletableFuture().join();
      long sequence = Long.parseLong(String.valueOf(reply.get(0)));
      for (int w = 0; w < workers.size(); w++) {
        heads.learn(workers.get(w), p, sequence, Entry.parse(String.valueOf(reply.get(w + 1))));
      }
    }
  }
}
