package io.brokkr.runtime.internal.redis;

import io.brokkr.runtime.spi.StepRef;
import io.brokkr.runtime.spi.StoreEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.IntStream;
import org.redisson.api.RFuture;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The low-frequency safety net of a node, off the hot path: fires the due timers of every partition
 * (leases of dead or paused nodes, backoffs whose node is gone) and wakes this node's workers whose
 * queues held the same head since the last sweep (a lost wake-up). Two pipelined reads a sweep: the
 * heads of this node's queues, the due timers.
 */
final class Sweeper {
  private static final Logger LOG = LoggerFactory.getLogger(Sweeper.class);
  /** Due timers fired per partition and sweep; more wait for the next sweep. */
  private static final int BATCH = 100;
  /** Sweeps between two trims of the saga indexes (the entries of sagas past their retention). */
  private static final int TRIM_EVERY = 60;

  private final RedisSagaStore store;
  private final Claims claims;
  private final KeyLayout keys;
  private final ScriptCalls calls;
  private final ReadyHeads heads;
  private final EventHub events;
  private long sweeps;

  Sweeper(RedisSagaStore store, Claims claims, KeyLayout keys, ScriptCalls calls, ReadyHeads heads, EventHub events) {
    this.store = store;
    this.claims = claims;
    this.keys = keys;
    this.calls = calls;
    this.heads = heads;
    this.events = events;
  }

  void sweep() {
    try {
      if (++sweeps % TRIM_EVERY == 0) {
        store.trimIndex();
      }
      Instant now = store.clock().instant();
      List<String> workers = heads.tracked();
      // Every tracked worker was asked for by a claim (Claims.next); one whose subscription failed is
      // asked again here, not by the claims.
      events.retrySubscriptions();
      if (!workers.isEmpty()) {
        claims.peek(workers, IntStream.range(0, keys.partitions()).boxed().toList());
        wakeLingering(workers);
      }
      fireDue(now);
    } catch (RuntimeException e) {
      if (Thread.currentThread().isInterrupted() || e.getCause() instanceof InterruptedException) {
        return; // the store closes: its sweep ends with it
      }
      LOG.warn("a sweep of Brokkr namespace " + keys.namespace() + " failed; the next one retries", e);
    }
  }

  private void wakeLingering(List<String> workers) {
    for (String worker : workers) {
      heads.lingering(worker).stream().findFirst().ifPresent(entry ->
          events.deliverLocally(new StoreEvent.WorkReady(entry.step().sagaId(), entry.step().stepId(), worker)));
    }
  }

  /** Fires the timers due at {@code now}, a batch per partition; returns how many acted. */
  int fireDue(Instant now) {
    int fired = 0;
    List<RFuture<Collection<String>>> due = calls.batch("timers", batch -> {
      List<RFuture<Collection<String>>> futures = new ArrayList<>();
      for (int p = 0; p < keys.partitions(); p++) {
        futures.add(batch.<String>getScoredSortedSet(keys.timersKey(p), StringCodec.INSTANCE)
            .valueRangeAsync(Double.NEGATIVE_INFINITY, true, now.toEpochMilli(), true, 0, BATCH));
      }
      return futures;
    });
    for (RFuture<Collection<String>> timers : due) {
      for (String member : timers.toCompletableFuture().join()) {
        String[] parts = member.split("\n", 2);
        try {
          fired += store.fireTimer(new StepRef(parts[0], parts[1]), now) ? 1 : 0;
        } catch (RuntimeException e) {
          LOG.warn("the due timer of step " + parts[1] + " of saga " + parts[0] + " failed", e);
        }
      }
    }
    return fired;
  }
}
