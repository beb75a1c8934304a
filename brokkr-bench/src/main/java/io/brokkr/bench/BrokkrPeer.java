package io.brokkr.bench;

import io.brokkr.dsl.SagaTemplate;
import io.brokkr.runtime.Brokkr;
import io.brokkr.runtime.SagaHandle;
import io.brokkr.runtime.SagaOutcome;
import io.brokkr.runtime.StepResults;
import io.brokkr.runtime.Worker;
import java.util.Optional;

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

  /** The store this peer's nodes run on. */
  BrokkrTarget target() {
    return target;
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
  public Trial open(Case c, Meter meter) throws Exception {
    SagaTemplate template = BrokkrShapes.template(c.shape(), c.size());
    return InJvmRuns.open(c, meter, (sagas, kind) -> once(c, template, sagas, kind, meter));
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
      InJvmRuns.Launcher launcher = i -> {
        SagaHandle<StepResults> handle = node.start(template, BrokkrShapes.inputs(c.shape(), i));
        return new InJvmRuns.Launched(handle.sagaId(), handle.outcome().thenApply(BrokkrPeer::checkFinished));
      };
      Meter.Reading reading = meter.begin(kind);
      RawRun raw = c.scenario().allAtOnce()
          ? InJvmRuns.allAtOnce(c, sagas, launcher)
          : InJvmRuns.oneInFlight(c, sagas, launcher, clock);
      return new MeasuredRun(raw, reading.end());
    }
  }

  private static SagaOutcome checkFinished(SagaOutcome outcome) {
    if (!outcome.isFinished()) {
      throw new IllegalStateException("saga " + outcome.sagaId() + " ended " + outcome.status()
          + outcome.failure().map(f -> " after step " + f.stepId() + " failed: " + f.reason()).orElse(""));
    }
    return outcome;
  }
}
