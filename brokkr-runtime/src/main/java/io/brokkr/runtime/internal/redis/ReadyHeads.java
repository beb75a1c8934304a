package io.brokkr.runtime.internal.redis;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What this node knows of the head of each of its workers' queues, per partition, so that a claim
 * names the entry it takes (the script's keys must be known before the call) and a node asks Redis
 * nothing when its queues are empty.
 *
 * <p>Every script reply about a queue carries the partition's ready sequence; the view is current
 * up to it. Entries announced by events (or by this node's own transitions) with a higher sequence
 * are kept in order: they come after the known head, and become the head when the queue empties.
 * A worker's channel announces only an entry that heads its queue (common.lua's publish), so the
 * entries kept may skip some; a claim of a wrong head costs a call whose reply tells the real one,
 * and no queue goes unclaimed: a queue this node learned empty at a sequence is empty until an
 * entry queued after it, which heads the queue and is announced.
 */
final class ReadyHeads {
  /**
   * How much longer than the head of a partition another partition's head of the same worker may have
   * waited for a completion in the first to take its head ({@link #headIn}): a completion may name only
   * its own saga's partition, and without a bound a busy node's threads would serve the partitions they
   * are in while the others' queues wait. Past it the thread goes back to the node's dispatcher, which
   * takes the partitions in turn. An entry's sequence is the server's time in microseconds.
   */
  static final long MAX_OVERTAKE_MICROS = 100_000;

  /** Announced entries kept per queue beyond the known head; past that the sweep catches up. */
  private static final int MAX_LATER = 256;

  private final int partitions;
  private final Map<String, Queue[]> workers = new HashMap<>();
  /**
   * The entries this node's threads are claiming now ({@link #next}, {@link #headIn}), each with
   * whether another of its claims passed it over meanwhile: two threads naming one entry of a queue
   * that holds one step make one of them miss, a call for nothing; the claim passed over is woken
   * when this one ends ({@link #release}).
   */
  private final Map<Entry, Boolean> claiming = new HashMap<>();
  private final Map<String, Integer> cursors = new HashMap<>();
  /** Where {@link #headIn} starts among the workers it is given, so that each queue is served in turn. */
  private int turn;

  ReadyHeads(int partitions) {
    this.partitions = partitions;
  }

  /** One worker's queue in one partition, as far as this node knows it. */
  private static final class Queue {
    boolean known;
    Optional<Entry> head = Optional.empty();
    long sequence = -1;
    final TreeMap<Long, Entry> later = new TreeMap<>();
    Optional<Entry> lastSwept = Optional.empty();
  }

  /** Starts following a worker's queues; unknown until read. */
  synchronized void track(String worker) {
    workers.computeIfAbsent(worker, w -> {
      Queue[] queues = new Queue[partitions];
      for (int p = 0; p < partitions; p++) {
        queues[p] = new Queue();
      }
      return queues;
    });
  }

  synchronized List<String> tracked() {
    return List.copyOf(workers.keySet());
  }

  /**
   * An entry was queued (an event, or this node's own transition). Returns whether it may be news
   * to the node: false for an entry of a queue the node knows and that it knew already.
   */
  synchronized boolean announce(Entry entry, int partition) {
    Queue[] queues = workers.get(entry.worker());
    if (queues == null) {
      return false;
    }
    Queue q = queues[partition];
    if (!q.known) {
      // Kept for the first read, which may have been made before this entry was queued.
      q.later.put(entry.sequence(), entry);
      trim(q);
      return true;
    }
    if (entry.sequence() <= q.sequence) {
      return false;
    }
    if (q.head.isEmpty()) {
      q.head = Optional.of(entry);
      return true;
    }
    if (q.head.get().equals(entry)) {
      return false;
    }
    boolean news = q.later.put(entry.sequence(), entry) == null;
    trim(q);
    return news;
  }

  private static void trim(Queue q) {
    if (q.later.size() > MAX_LATER) {
      q.later.pollLastEntry();
    }
  }

  /** A reply told the queue's head as of {@code sequence}; ignored for a worker not tracked. */
  synchronized void learn(String worker, int partition, long sequence, Optional<Entry> head) {
    Queue[] queues = workers.get(worker);
    if (queues == null) {
      return;
    }
    Queue q = queues[partition];
    if (q.known && sequence < q.sequence) {
      return;
    }
    q.known = true;
    q.sequence = sequence;
    // A head announced after the reply's sequence was queued after what the reply saw: it stays.
    q.head.filter(announced -> announced.sequence() > sequence)
        .ifPresent(announced -> q.later.put(announced.sequence(), announced));
    q.later.headMap(sequence, true).clear();
    q.head = head.or(() -> Optional.ofNullable(q.later.pollFirstEntry()).map(Map.Entry::getValue));
  }

  /**
   * The next known head to claim, taking the partitions in turn, and not one another thread of this
   * node is claiming; it is this thread's to claim until {@link #release}.
   */
  synchronized Optional<Entry> next(String worker) {
    Queue[] queues = workers.get(worker);
    int start = cursors.getOrDefault(worker, 0);
    for (int i = 0; i < partitions; i++) {
      int p = (start + i) % partitions;
      Optional<Entry> taken = take(queues[p]);
      if (taken.isPresent()) {
        cursors.put(worker, (p + 1) % partitions);
        return taken;
      }
    }
    return Optional.empty();
  }

  /**
   * The first entry of {@code q} this node knows and none of its threads is claiming, taken for a
   * claim: a claim names an entry and takes the queue's head whatever it is (claim.lua), so each
   * known entry lets one more thread claim at once, and a thread more would only find the queue
   * empty. Empty when every known entry is being claimed: the head is then marked passed over, and
   * its claim wakes the node when it ends.
   */
  private Optional<Entry> take(Queue q) {
    if (q.head.isEmpty()) {
      return Optional.empty();
    }
    Entry head = q.head.get();
    if (claiming.putIfAbsent(head, false) == null) {
      return q.head;
    }
    for (Entry entry : q.later.values()) {
      if (claiming.putIfAbsent(entry, false) == null) {
        return Optional.of(entry);
      }
    }
    claiming.put(head, true);
    return Optional.empty();
  }

  /**
   * The claim of {@code head} (from {@link #next} or {@link #headIn}) ended, whatever its answer.
   * Returns whether another claim passed it over meanwhile: the node should look for work again.
   */
  synchronized boolean release(Entry head) {
    return Boolean.TRUE.equals(claiming.remove(head));
  }

  /**
   * The known head of one of {@code names}' queues in {@code partition}, the workers taken in turn,
   * unless its worker's head in another partition has waited longer by more than
   * {@link #MAX_OVERTAKE_MICROS}, or another thread of this node is claiming it; empty when there is
   * none such (workers not tracked have none). It is this thread's to claim until {@link #release}.
   */
  synchronized Optional<Entry> headIn(int partition, Collection<String> names) {
    String[] candidates = names.toArray(String[]::new);
    int start = Math.floorMod(turn++, Math.max(1, candidates.length));
    for (int i = 0; i < candidates.length; i++) {
      Queue[] queues = workers.get(candidates[(start + i) % candidates.length]);
      if (queues != null && queues[partition].head.isPresent() && !overtakes(queues, queues[partition].head.get())) {
        Optional<Entry> taken = take(queues[partition]);
        if (taken.isPresent()) {
          return taken;
        }
      }
    }
    return Optional.empty();
  }

  /** Whether {@code head} was queued more than {@link #MAX_OVERTAKE_MICROS} after another of the queues' heads. */
  private static boolean overtakes(Queue[] queues, Entry head) {
    for (Queue q : queues) {
      if (q.head.isPresent() && q.head.get().sequence() < head.sequence() - MAX_OVERTAKE_MICROS) {
        return true;
      }
    }
    return false;
  }

  /**
   * The first entry of {@code worker}'s queue in {@code partition} that this node knows and none of
   * its threads is claiming: work its threads have not taken (see {@link PassOn}); empty when it
   * knows none, or the worker is not tracked.
   */
  synchronized Optional<Entry> untaken(String worker, int partition) {
    Queue[] queues = workers.get(worker);
    if (queues == null) {
      return Optional.empty();
    }
    Queue q = queues[partition];
    if (q.head.isPresent() && !claiming.containsKey(q.head.get())) {
      return q.head;
    }
    return q.later.values().stream().filter(entry -> !claiming.containsKey(entry)).findFirst();
  }

  /** The partitions whose queue of {@code worker} this node has not read yet. */
  synchronized List<Integer> unknown(String worker) {
    Queue[] queues = workers.get(worker);
    List<Integer> unknown = new ArrayList<>();
    for (int p = 0; p < partitions; p++) {
      if (!queues[p].known) {
        unknown.add(p);
      }
    }
    return unknown;
  }

  /**
   * After a sweep read every head: the heads that stayed the same since the last sweep, which no
   * node of this worker took meanwhile (a wake-up may have been lost).
   */
  synchronized List<Entry> lingering(String worker) {
    List<Entry> lingering = new ArrayList<>();
    for (Queue q : workers.get(worker)) {
      if (q.head.isPresent() && q.head.equals(q.lastSwept)) {
        lingering.add(q.head.get());
      }
      q.lastSwept = q.head;
    }
    return lingering;
  }

  /** Forgets everything: after a reconnect, announcements may have been missed. */
  synchronized void forget() {
    workers.values().forEach(queues -> {
      for (int p = 0; p < partitions; p++) {
        queues[p] = new Queue();
      }
    });
  }
}
