package io.brokkr.runtime.internal.redis;

import io.brokkr.runtime.spi.Change;
import io.brokkr.runtime.spi.Claim;
import io.brokkr.runtime.spi.IllegalTransitionException;
import io.brokkr.runtime.spi.Rejection;
import io.brokkr.runtime.spi.SagaSnapshot;
import io.brokkr.runtime.spi.SagaStore;
import io.brokkr.runtime.spi.Settler;
import io.brokkr.runtime.spi.StepRef;
import io.brokkr.runtime.spi.StepSnapshot;
import io.brokkr.runtime.spi.StepSpec;
import io.brokkr.runtime.spi.StoreListener;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.redisson.api.RFuture;
import org.redisson.api.RScript;
import org.redisson.client.codec.StringCodec;

/**
 * One node's view of a namespace in Redis. Each changing method is one script call; the answers are
 * decoded into the SPI's types. The store has one thread of its own: it delivers events in order
 * and sweeps due timers and lingering queues (see {@link Sweeper}).
 */
final class RedisSagaStore implements SagaStore {
  private static final int MAX_CLAIM_ROUNDS = 10_000;

  private final KeyLayout keys;
  private final ScriptCalls calls;
  private final Payloads payloads;
  private final long retentionMillis;
  private final Snapshots snapshots = new Snapshots();
  private final ReadyHeads heads;
  private final ScheduledThreadPoolExecutor thread;
  private volatile Optional<Thread> ownThread = Optional.empty();
  private final EventHub events;
  private final Sweeper sweeper;

  RedisSagaStore(KeyLayout keys, ScriptCalls calls, Payloads payloads, Duration retention, Duration sweepEvery) {
    this.keys = keys;
    this.calls = calls;
    this.payloads = payloads;
    this.retentionMillis = retention.toMillis();
    this.heads = new ReadyHeads(keys.partitions());
    this.thread = new ScheduledThreadPoolExecutor(1, task -> {
      Thread t = new Thread(task, "brokkr-redis-" + keys.namespace());
      t.setDaemon(true);
      ownThread = Optional.of(t);
      return t;
    });
    thread.setRemoveOnCancelPolicy(true);
    this.events = new EventHub(calls.client(), keys.channel(), thread, snapshots, this::arrived, heads::forget);
    this.sweeper = new Sweeper(this, keys, calls, heads, events);
    events.open();
    thread.scheduleWithFixedDelay(sweeper::sweep, sweepEvery.toMillis(), sweepEvery.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The requests this store's backend sent, by kind; shared by the stores of one backend. */
  RoundTrips roundTrips() {
    return calls.trips();
  }

  /** How transitions wait for replicas: {@code WAIT n ms}, {@code WAITAOF 1 n ms} or {@code none}. */
  String durability() {
    return calls.durability();
  }

  @Override
  public String namespace() {
    return keys.namespace();
  }

  @Override
  public void createSaga(String sagaId) {
    Ids.check("saga id", sagaId);
    change(sagaId, calls.transition(Script.CREATE, keys.keys(sagaId), header(sagaId)));
  }

  @Override
  public Change addStep(String sagaId, StepSpec step) {
    checkNewStep(sagaId, step, "");
    return change(sagaId, calls.transition(Script.ADD_STEP, keys.keys(sagaId),
        header(sagaId, stepArgs(step, step.dependsOn()))));
  }

  @Override
  public Change addCompensator(String sagaId, String stepId, StepSpec compensator) {
    checkNewStep(sagaId, compensator, "compensator ");
    List<Object> args = new ArrayList<>(List.of(stepId));
    // A compensator receives the result of the step it compensates, whatever its spec said.
    args.addAll(stepArgs(compensator, List.of(stepId)));
    return change(sagaId, calls.transition(Script.ADD_COMPENSATOR, keys.keys(sagaId), header(sagaId, args)));
  }

  @Override
  public Change start(String sagaId) {
    return change(sagaId, calls.transition(Script.START, keys.keys(sagaId), header(sagaId)));
  }

  @Override
  public Optional<Claim> claimNext(String workerName, String nodeId, Instant now, Duration lease) {
    if (!Ids.isValid(workerName)) {
      return Optional.empty(); // no step of such a worker can have been added
    }
    heads.track(workerName);
    for (int round = 0; round < MAX_CLAIM_ROUNDS; round++) {
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
      int partition = keys.partitionOf(entry.step().sagaId());
      Reply reply = Reply.decode(calls.transition(Script.CLAIM, keys.keys(entry.step().sagaId()),
          header(entry.step().sagaId(), List.of(workerName, entry.raw(), entry.step().stepId(), nodeId,
              now.toEpochMilli(), lease.toMillis()))));
      if (reply instanceof Reply.Claimed claimed) {
        heads.learn(workerName, partition, claimed.sequence(), claimed.following());
        return Optional.of(claim(entry.step().sagaId(), claimed));
      } else if (reply instanceof Reply.Miss miss) {
        heads.learn(workerName, partition, miss.sequence(), miss.head());
      } else if (reply instanceof Reply.Dropped dropped) {
        heads.learn(workerName, partition, dropped.sequence(), dropped.following());
      } else {
        throw unexpected(entry.step().sagaId(), reply);
      }
    }
    return Optional.empty();
  }

  @Override
  public boolean heartbeat(StepRef step, long token, Instant until) {
    Reply reply = Reply.decode(calls.plain(Script.HEARTBEAT, keys.keys(step.sagaId()),
        header(step.sagaId(), List.of(step.stepId(), token, until.toEpochMilli()))));
    return reply instanceof Reply.Applied;
  }

  @Override
  public Change finish(StepRef step, Settler by, Optional<String> resultJson) {
    Optional<String> tooLarge = resultJson.flatMap(r -> payloads.tooLarge("the result of step \"" + step.stepId()
        + "\" of saga " + step.sagaId(), r));
    if (tooLarge.isPresent()) {
      if (by instanceof Settler.Attempt) {
        // The attempt cannot deliver its result: it failed, and is retried by its policy.
        return fail(step, by, tooLarge.get(), Instant.now());
      }
      throw new IllegalArgumentException(tooLarge.get());
    }
    return change(step.sagaId(), calls.transition(Script.FINISH, keys.keys(step.sagaId()), header(step.sagaId(),
        List.of(step.stepId(), token(by), resultJson.isPresent() ? "1" : "0", resultJson.orElse("")))));
  }

  @Override
  public Change fail(StepRef step, Settler by, String reason, Instant now) {
    return change(step.sagaId(), calls.transition(Script.FAIL, keys.keys(step.sagaId()), header(step.sagaId(),
        List.of(step.stepId(), token(by), payloads.cut(reason), now.toEpochMilli()))));
  }

  @Override
  public Change requeue(StepRef step) {
    return change(step.sagaId(), calls.transition(Script.REQUEUE, keys.keys(step.sagaId()),
        header(step.sagaId(), List.of(step.stepId()))));
  }

  @Override
  public Optional<SagaSnapshot> load(String sagaId) {
    calls.trips().count("load");
    // One HGETALL: a consistent view of the saga.
    return snapshots.saga(sagaId,
        calls.client().<String, String>getMap(keys.sagaKey(sagaId), StringCodec.INSTANCE).readAllMap());
  }

  @Override
  public List<String> unfinishedSagas() {
    List<RFuture<Set<Object>>> members = calls.batch("active", batch -> {
      List<RFuture<Set<Object>>> futures = new ArrayList<>();
      for (int p = 0; p < keys.partitions(); p++) {
        futures.add(batch.getSet(keys.activeKey(p), StringCodec.INSTANCE).readAllAsync());
      }
      return futures;
    });
    TreeSet<String> ids = new TreeSet<>();
    members.forEach(m -> m.toCompletableFuture().join().forEach(id -> ids.add(id.toString())));
    return List.copyOf(ids);
  }

  @Override
  public Subscription subscribe(StoreListener listener) {
    return events.subscribe(listener);
  }

  @Override
  public void close() {
    thread.shutdownNow();
    events.close();
    // A listener may close its node from the store's own thread, which cannot wait for itself.
    if (!ownThread.equals(Optional.of(Thread.currentThread()))) {
      try {
        thread.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Fires a due timer of {@code step}: an expired lease or an ended backoff. Called by the sweep. */
  void fireTimer(StepRef step, Instant now) {
    Change change = change(step.sagaId(), calls.transition(Script.TIMER, keys.keys(step.sagaId()),
        header(step.sagaId(), List.of(step.stepId(), now.toEpochMilli()))));
    change.retryAt().ifPresent(at -> thread.schedule(() -> requeue(step),
        Math.max(0, Duration.between(Instant.now(), at).toMillis()), TimeUnit.MILLISECONDS));
  }

  /** Reads the heads of some workers' queues in some partitions, in one round trip. */
  void peek(List<String> workers, Collection<Integer> partitions) {
    List<RFuture<List<Object>>> replies = calls.batch("peek", batch -> {
      List<RFuture<List<Object>>> futures = new ArrayList<>();
      for (int p : partitions) {
        futures.add(batch.getScript(StringCodec.INSTANCE).evalShaAsync(RScript.Mode.READ_WRITE, calls.sha(Script.PEEK),
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

  private void arrived(Message message) {
    int partition = keys.partitionOf(message.sagaId());
    message.ready().forEach(entry -> heads.announce(entry, partition));
  }

  private Change change(String sagaId, List<Object> raw) {
    Reply reply = Reply.decode(raw);
    if (reply instanceof Reply.Applied applied) {
      int partition = keys.partitionOf(sagaId);
      applied.ready().forEach(entry -> heads.announce(entry, partition));
      return new Change(true, applied.ready().stream().map(e -> new Change.Ready(e.step(), e.worker())).toList(),
          applied.retryAt());
    }
    if (reply instanceof Reply.Noop || reply instanceof Reply.Stale) {
      return Change.NONE;
    }
    if (reply instanceof Reply.Rejected rejected) {
      Object[] details = rejected.reason() == Rejection.NO_SUCH_SAGA
          ? new Object[] {keys.namespace()}
          : rejected.details().toArray();
      throw rejected.reason().of(sagaId, details);
    }
    throw unexpected(sagaId, reply);
  }

  private static RuntimeException unexpected(String sagaId, Reply reply) {
    if (reply instanceof Reply.Illegal illegal) {
      return new IllegalTransitionException(sagaId, illegal.stepId().isEmpty() ? Optional.empty() : Optional.of(illegal.stepId()),
          illegal.from(), illegal.to());
    }
    return new IllegalStateException("unexpected reply from a Brokkr script: " + reply);
  }

  private Claim claim(String sagaId, Reply.Claimed claimed) {
    StepSnapshot step = snapshots.step(sagaId, claimed.stepJson(), claimed.argsJson(), Optional.empty());
    return new Claim(step, step.lease().orElseThrow(), claimed.dependencyResults());
  }

  private void checkNewStep(String sagaId, StepSpec step, String kind) {
    Ids.check(kind + "step id", step.stepId());
    Ids.check("worker name", step.workerName());
    payloads.tooLarge("the args of " + kind + "step \"" + step.stepId() + "\" of saga " + sagaId, step.argsJson())
        .ifPresent(problem -> {
          throw new IllegalArgumentException(problem);
        });
  }

  private static List<Object> stepArgs(StepSpec step, List<String> dependsOn) {
    List<Object> args = new ArrayList<>(List.of(step.stepId(), step.workerName(), step.argsJson(),
        step.retry().maxAttempts(), step.retry().initialBackoff().toMillis(), Double.toString(step.retry().multiplier()),
        step.retry().maxBackoff().toMillis(), step.timeout().map(t -> (Object) t.toMillis()).orElse("")));
    args.addAll(dependsOn);
    return args;
  }

  private static Object token(Settler by) {
    return by instanceof Settler.Attempt attempt ? attempt.token() : "";
  }

  private Object[] header(String sagaId) {
    return header(sagaId, List.of());
  }

  /** ARGV: the saga, the channel and the retention every script reads, then the script's own values. */
  private Object[] header(String sagaId, List<?> args) {
    Object[] all = new Object[3 + args.size()];
    all[0] = sagaId;
    all[1] = keys.channel();
    all[2] = retentionMillis;
    for (int i = 0; i < args.size(); i++) {
      all[3 + i] = args.get(i);
    }
    return all;
  }
}
