package io.brokkr.runtime.internal.redis;

import io.brokkr.runtime.ReadyQueue;
import io.brokkr.runtime.SagaCursor;
import io.brokkr.runtime.SagaPage;
import io.brokkr.runtime.SagaQuery;
import io.brokkr.runtime.SagaStatus;
import io.brokkr.runtime.SagaSummary;
import io.brokkr.runtime.internal.Pages;
import io.brokkr.runtime.internal.QueueDepths;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import org.redisson.api.RBatch;
import org.redisson.api.RFuture;
import org.redisson.api.RScript;

/**
 * Reads the partitions' saga indexes, which the transition scripts keep (common.lua's
 * {@code index_saga}): pages of {@code findSagas} and the counts by status; and drops the entries
 * of sagas that are gone. Every read is a script, so it goes to the master whatever the client's
 * read mode. A page costs one round trip for all partitions, more only when a filter the index
 * does not order by (a creation time, a status beside a name) skips many entries.
 */
final class SagaIndex {
  /** Index entries one script reads at most before it hands back (and the next call goes on). */
  private static final int READ_BUDGET = 5_000;
  /** Queue entries of a worker read per partition for {@link SagaQuery#waitingOn}. */
  static final int WAITING_MOST = 10_000;
  /** Entries of each status looked at per partition by one trim. */
  private static final int TRIM_MOST = 500;

  private final KeyLayout keys;
  private final ScriptCalls calls;

  SagaIndex(KeyLayout keys, ScriptCalls calls) {
    this.keys = keys;
    this.calls = calls;
  }

  SagaPage query(SagaQuery query) {
    if (query.waitingOn().isPresent()) {
      return waiting(query);
    }
    int wanted = query.limit() + 1; // one more than a page shows whether a next page exists
    List<Walk> walks = new ArrayList<>();
    for (int p = 0; p < keys.partitions(); p++) {
      walks.add(Walk.first(p, indexes(query, p), query, wanted));
    }
    List<SagaSummary> found = new ArrayList<>();
    while (!walks.isEmpty()) {
      List<Walk> current = walks;
      List<RFuture<List<Object>>> replies = calls.batch("query", batch -> current.stream().map(w -> call(batch, w)).toList());
      walks = new ArrayList<>();
      for (int i = 0; i < current.size(); i++) {
        Walk walk = current.get(i);
        List<Object> reply = replies.get(i).toCompletableFuture().join();
        List<SagaSummary> sagas = summaries(reply, 3);
        found.addAll(sagas);
        if ("MORE".equals(reply.get(0)) && sagas.size() < walk.wanted) {
          walks.add(walk.from(String.valueOf(reply.get(1)), String.valueOf(reply.get(2)), walk.wanted - sagas.size()));
        }
      }
    }
    return Pages.of(found.stream().sorted(SagaCursor.ORDER).limit(wanted).toList(), query.limit());
  }

  Map<SagaStatus, Long> countByStatus() {
    Object[] statuses = List.of(SagaStatus.values()).stream().map(SagaStatus::name).toArray();
    Map<SagaStatus, Long> counts = new EnumMap<>(SagaStatus.class);
    for (SagaStatus status : SagaStatus.values()) {
      counts.put(status, 0L);
    }
    for (List<Object> values : eachPartition("counts", Script.COUNTS, keys::indexKey, p -> statuses)) {
      for (int i = 0; i < values.size(); i++) {
        counts.merge(SagaStatus.values()[i], ((Number) values.get(i)).longValue(), Long::sum);
      }
    }
    return counts;
  }

  /** How many steps are ready to be claimed, by worker, over every partition. */
  Map<String, Long> readyByWorker() {
    Map<String, Long> counts = new TreeMap<>();
    readyQueues().forEach(queue -> counts.put(queue.worker(), queue.depth()));
    return counts;
  }

  /**
   * The ready queues over every partition: each worker's entries counted, and its oldest entry's
   * sequence read as the time it was queued (ready_counts.lua). A stale entry (its step moved on
   * before its entry was dropped) counts in both, as {@link #readyByWorker()} has always counted it.
   */
  List<ReadyQueue> readyQueues() {
    QueueDepths queues = new QueueDepths();
    for (List<Object> values : eachPartition("ready counts", Script.READY_COUNTS, keys::readyKey, p -> new Object[0])) {
      for (int i = 0; i + 2 < values.size(); i += 3) {
        long sequence = Long.parseLong(String.valueOf(values.get(i + 2)));
        queues.add(String.valueOf(values.get(i)), ((Number) values.get(i + 1)).longValue(),
            Optional.of(Instant.EPOCH.plus(sequence, ChronoUnit.MICROS)));
      }
    }
    return queues.queues();
  }

  /** Drops the entries of sagas gone after {@code retention}; returns how many. */
  long trim(Duration retention) {
    return eachPartition("trim", Script.TRIM, keys::indexKey,
        p -> new Object[] {retention.toMillis(), keys.sagaKeyPrefix(p), TRIM_MOST})
        .stream().mapToLong(reply -> ((Number) reply.get(0)).longValue()).sum();
  }

  /**
   * The indexes of partition {@code p} that hold every saga the query can match, walked together: its
   * name's, or those of its statuses, or of every status (each saga is in its status's index; no index
   * of all sagas is kept, which would cost every transition a write more).
   */
  private List<Object> indexes(SagaQuery query, int p) {
    if (query.name().isPresent()) {
      return List.of(keys.nameIndexKey(p, query.name().get()));
    }
    Collection<SagaStatus> statuses = query.statuses().isEmpty() ? List.of(SagaStatus.values()) : query.statuses();
    return statuses.stream().sorted().map(status -> (Object) keys.statusIndexKey(p, status.name())).toList();
  }

  private SagaPage waiting(SagaQuery query) {
    String worker = query.waitingOn().get();
    List<List<Object>> replies = eachPartition("waiting", Script.WAITING, keys::readyKey,
        p -> new Object[] {worker, keys.sagaKeyPrefix(p), WAITING_MOST});
    Predicate<SagaSummary> afterCursor = query.cursor().<Predicate<SagaSummary>>map(c -> c::comesBefore)
        .orElse(saga -> true);
    List<SagaSummary> found = replies.stream().flatMap(reply -> summaries(reply, 0).stream())
        .filter(query::matches).filter(afterCursor).sorted(SagaCursor.ORDER).limit(query.limit() + 1L).toList();
    return Pages.of(found, query.limit());
  }

  /** Runs {@code script} once per partition, on its key and args, in one round trip; the replies in partition order. */
  private List<List<Object>> eachPartition(String kind, Script script, IntFunction<String> key,
      IntFunction<Object[]> args) {
    List<RFuture<List<Object>>> replies = calls.batch(kind, batch -> {
      List<RFuture<List<Object>>> futures = new ArrayList<>();
      for (int p = 0; p < keys.partitions(); p++) {
        futures.add(eval(batch, script, List.of(key.apply(p)), args.apply(p)));
      }
      return futures;
    });
    return replies.stream().map(reply -> reply.toCompletableFuture().join()).toList();
  }

  private RFuture<List<Object>> call(RBatch batch, Walk walk) {
    return eval(batch, Script.QUERY, walk.indexes, walk.max, walk.afterId, walk.min, walk.wanted,
        keys.sagaKeyPrefix(walk.partition), READ_BUDGET, walk.statuses, walk.name, walk.createdFrom, walk.createdTo);
  }

  private RFuture<List<Object>> eval(RBatch batch, Script script, List<Object> keyList, Object... args) {
    return batch.getScript(ScriptCodec.INSTANCE).evalShaAsync(RScript.Mode.READ_WRITE, calls.sha(script),
        RScript.ReturnType.MULTI, keyList, args);
  }

  /** The sagas of a reply from {@code first} on: id, name, status, created ms, updated ms each. */
  private static List<SagaSummary> summaries(List<Object> reply, int first) {
    List<SagaSummary> sagas = new ArrayList<>();
    for (int i = first; i + 4 < reply.size(); i += 5) {
      String name = String.valueOf(reply.get(i + 1));
      sagas.add(new SagaSummary(String.valueOf(reply.get(i)), name.isEmpty() ? Optional.empty() : Optional.of(name),
          SagaStatus.valueOf(String.valueOf(reply.get(i + 2))), millis(reply.get(i + 3)), millis(reply.get(i + 4))));
    }
    return sagas;
  }

  private static Instant millis(Object value) {
    return Instant.ofEpochMilli(Long.parseLong(String.valueOf(value)));
  }

  /**
   * Some indexes of one partition, walked together from {@code max} (and, at a cursor, below
   * {@code afterId} at that score) down to {@code min}, for up to {@code wanted} matches; the other
   * conditions are checked by the script.
   */
  private record Walk(int partition, List<Object> indexes, String max, String afterId, String min, int wanted,
      String statuses, String name, String createdFrom, String createdTo) {

    static Walk first(int partition, List<Object> indexes, SagaQuery query, int wanted) {
      String max = "+inf";
      String afterId = "";
      if (query.cursor().isPresent()) {
        SagaCursor cursor = query.cursor().get();
        max = String.valueOf(cursor.updatedAt().toEpochMilli());
        afterId = cursor.sagaId();
      }
      if (query.updatedBefore().isPresent()
          && (query.cursor().isEmpty() || !query.updatedBefore().get().isAfter(query.cursor().get().updatedAt()))) {
        max = "(" + query.updatedBefore().get().toEpochMilli();
        afterId = "";
      }
      String min = query.updatedAfter().map(t -> String.valueOf(t.toEpochMilli())).orElse("-inf");
      String statuses = String.join(",", query.statuses().stream().map(SagaStatus::name).sorted().toList());
      return new Walk(partition, indexes, max, afterId, min, wanted, statuses, query.name().orElse(""),
          query.createdAfter().map(t -> String.valueOf(t.toEpochMilli())).orElse(""),
          query.createdBefore().map(t -> String.valueOf(t.toEpochMilli())).orElse(""));
    }

    /** The same walk, on from the entry of {@code score} and {@code id}, the last one read. */
    Walk from(String score, String id, int stillWanted) {
      return new Walk(partition, indexes, String.valueOf((long) Double.parseDouble(score)), id, min, stillWanted,
          statuses, name, createdFrom, createdTo);
    }
  }
}
