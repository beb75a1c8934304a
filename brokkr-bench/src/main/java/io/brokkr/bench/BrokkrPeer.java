package io.brokkr.bench;

import io.brokkr.dsl.SagaTemplate;
import io.brokkr.runtime.Brokkr;
import io.brokkr.runtime.SagaHandle;
import io.brokkr.runtime.SagaOutcome;
import io.brokkr.runtime.StepResults;
import io.brokkr.runtime.Worker;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Brokkr on one store: each run on a fresh node in a namespace of its own, so runs neither see
 * each other's sagas nor share a ready queue, and Redis memory per run is what the run stored.
 */
final class BrokkrPeer implements Peer {
  private final BrokkrTarget target;
  private final String runTag;
  private int runCount;

  /** {@code runTag} makes this bench run's namespaces differ from earlier runs' on a shared Redis. */
  BrokkrPeer(BrokkrTarget target, String runTag) {
    this.target = target;
    this.runTag = runTag;
  }

  @Override
  public String name() {
    return target.name();
  }

  @Override
  public Optional<RedisAddress> redis() {
    return target.redis();
  }

  @Override
  public boolean supports(Case c) {
    return true;
  }

  @Override
  public Runs run(Case c, Meter meter) throws Exception {
    SagaTemplate template = BrokkrShapes.template(c.shape(), c.size());
    List<MeasuredRun> measured = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    long begun = System.nanoTime();
    long lastRun = 0;
    for (int i = 0; i < c.warmup() + c.runs(); i++) {
      RunKind kind = i < c.warmup() ? RunKind.WARMUP : RunKind.MEASURED;
      if (!measured.isEmpty() && System.nanoTime() - begun + lastRun > c.budgetSeconds() * 1_000_000_000L) {
        notes.add(measured.size() + " measured run(s): another would pass the case's budget of " + c.budgetSeconds() + " s");
        break;
      }
      long runStart = System.nanoTime();
      MeasuredRun run = once(c, template, c.sagas(), kind, meter);
      lastRun = System.nanoTime() - runStart;
      if (kind == RunKind.MEASURED) {
        measured.add(run);
      } else if (lastRun > c.budgetSeconds() * 1_000_000_000L) {
        // At this length the JIT's warm-up is noise: the run is as good as a measured one.
        measured.add(run);
        notes.add(String.format(Locale.ROOT, "the warm-up run took %.0f s, over the case's budget of %d s:"
            + " it is the one measured run", lastRun / 1e9, c.budgetSeconds()));
        break;
      }
    }
    Optional<MeasuredRun> probe = c.probeSagas() > 0 && meter.watchesRedis()
        ? Optional.of(once(c, template, c.probeSagas(), RunKind.PROBE, meter))
        : Optional.empty();
    return new Runs(measured, probe, notes);
  }

  @Override
  public void close() {
    target.close();
  }

  private MeasuredRun once(Case c, SagaTemplate template, int sagas, RunKind kind, Meter meter) throws Exception {
    LevelClock clock = new LevelClock(c.scenario() == Scenario.CHAIN ? c.size() : 0);
    String namespace = "bench-" + runTag + "-" + (++runCount) + "-" + c.scenario().cliName();
    try (Brokkr node = target.node(namespace, c.concurrency())) {
      node.registerWorkers(BrokkrShapes.workers(clock).toArray(Worker[]::new));
      Meter.Reading reading = meter.begin(kind);
      RawRun raw = c.scenario().allAtOnce()
          ? allAtOnce(node, c, template, sagas)
          : oneInFlight(node, c, template, sagas, clock);
      return new MeasuredRun(raw, reading.end());
    }
  }

  /** Starts every saga from {@code submitters} threads, then waits for all outcomes. */
  private static RawRun allAtOnce(Brokkr node, Case c, SagaTemplate template, int sagas) throws Exception {
    @SuppressWarnings("unchecked")
    CompletableFuture<SagaOutcome>[] outcomes = new CompletableFuture[sagas];
    AtomicInteger next = new AtomicInteger();
    ExecutorService submitters = Executors.newFixedThreadPool(c.submitters());
    try {
      long cpu = ProcessCpu.micros();
      long start = System.nanoTime();
      List<Future<?>> running = new ArrayList<>();
      for (int t = 0; t < c.submitters(); t++) {
        running.add(submitters.submit(() -> {
          for (int i = next.getAndIncrement(); i < sagas; i = next.getAndIncrement()) {
            outcomes[i] = node.start(template, BrokkrShapes.inputs(c.shape(), i)).outcome();
          }
        }));
      }
      for (Future<?> submitter : running) {
        submitter.get();
      }
      long submitted = System.nanoTime();
      CompletableFuture.allOf(outcomes).get(timeoutSeconds(sagas * c.stepsPerSaga()), TimeUnit.SECONDS);
      long end = System.nanoTime();
      long cpuUs = ProcessCpu.micros() - cpu;
      for (CompletableFuture<SagaOutcome> outcome : outcomes) {
        checkFinished(outcome.join());
      }
      return new RawRun(sagas, sagas * c.stepsPerSaga(), (end - start) / 1000, (submitted - start) / 1000, cpuUs,
          new long[0], List.of());
    } finally {
      submitters.shutdownNow();
    }
  }

  /** Starts one saga at a time and waits for its outcome before the next. */
  private static RawRun oneInFlight(Brokkr node, Case c, SagaTemplate template, int sagas, LevelClock clock)
      throws Exception {
    long[] latencies = new long[sagas];
    List<long[]> hops = new ArrayList<>();
    for (int level = 0; level < (clock.levels() == 0 ? 0 : clock.levels() + 1); level++) {
      hops.add(new long[sagas]);
    }
    long submitNanos = 0;
    long cpu = ProcessCpu.micros();
    long start = System.nanoTime();
    for (int i = 0; i < sagas; i++) {
      long sagaStart = System.nanoTime();
      SagaHandle<StepResults> handle = node.start(template, BrokkrShapes.inputs(c.shape(), i));
      submitNanos += System.nanoTime() - sagaStart;
      SagaOutcome outcome = handle.outcome().get(timeoutSeconds(c.stepsPerSaga()), TimeUnit.SECONDS);
      long sagaEnd = System.nanoTime();
      checkFinished(outcome);
      latencies[i] = (sagaEnd - sagaStart) / 1000;
      if (clock.levels() > 0) {
        long[] sagaHops = clock.hops(handle.sagaId(), sagaStart, sagaEnd);
        for (int level = 0; level < sagaHops.length; level++) {
          hops.get(level)[i] = sagaHops[level];
        }
      }
    }
    long end = System.nanoTime();
    return new RawRun(sagas, sagas * c.stepsPerSaga(), (end - start) / 1000, submitNanos / 1000,
        ProcessCpu.micros() - cpu, latencies, hops);
  }

  /** Generous, so that only a stuck run times out: a minute plus 50 ms a step. */
  private static long timeoutSeconds(long steps) {
    return 60 + steps / 20;
  }

  private static void checkFinished(SagaOutcome outcome) {
    if (!outcome.isFinished()) {
      throw new IllegalStateException("saga " + outcome.sagaId() + " ended " + outcome.status()
          + outcome.failure().map(f -> " after step " + f.stepId() + " failed: " + f.reason()).orElse(""));
    }
  }
}
