package io.brokkr.bench;

import io.temporal.serviceclient.Version;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerOptions;
import java.util.List;
import java.util.Optional;

/**
 * Temporal's Java SDK on its test server, what a Java team would otherwise pick: each run on a
 * fresh server, client and worker, so runs share no history and the server holds only the run's
 * workflows. The server runs in this JVM either way, so the client CPU figure is the SDK's and the
 * server's together.
 */
final class TemporalPeer implements Peer {
  /** The peer in the report whose server is reached in-process. */
  static final String IN_PROCESS = "temporal";
  /** The peer in the report whose server is reached over gRPC on loopback. */
  static final String GRPC = "temporal-grpc";

  private static final String CPU_NOTE = "client CPU is the whole JVM's: Temporal's test server runs in it";

  private final boolean grpc;
  private final String runTag;
  private int runCount;

  /** {@code grpc}: reach the server over loopback rather than in-process. */
  TemporalPeer(boolean grpc, String runTag) {
    this.grpc = grpc;
    this.runTag = runTag;
  }

  /** The SDK's version, for the report. */
  static String version() {
    return Version.LIBRARY_VERSION;
  }

  @Override
  public String name() {
    return grpc ? GRPC : IN_PROCESS;
  }

  @Override
  public Optional<RedisAddress> redis() {
    return Optional.empty();
  }

  /** Its server's 2,000 threads and their garbage would weigh on the runs of a light peer after its own. */
  @Override
  public Lane lane() {
    return Lane.HEAVY_JVM;
  }

  /** Not the scaling scenario: a workflow of 10,000 activities is not how Temporal is used. */
  @Override
  public boolean supports(Case c) {
    return c.scenario() != Scenario.SCALING;
  }

  @Override
  public Trial open(Case c, Meter meter) throws Exception {
    return InJvmRuns.open(c, meter, (sagas, kind) -> once(c, sagas, kind, meter));
  }

  @Override
  public List<String> notes() {
    return List.of(CPU_NOTE);
  }

  private MeasuredRun once(Case c, int sagas, RunKind kind, Meter meter) throws Exception {
    LevelClock clock = new LevelClock(c.scenario() == Scenario.CHAIN ? c.size() : 0);
    String tag = "bench-" + runTag + "-" + (++runCount) + "-" + c.scenario().cliName();
    try (TemporalSite site = grpc ? TemporalSite.overGrpc() : TemporalSite.inProcess()) {
      // The other peers' concurrency: as many activities, and as many workflow tasks, at once.
      Worker worker = site.workers().newWorker(tag, WorkerOptions.newBuilder()
          .setMaxConcurrentActivityExecutionSize(c.concurrency())
          .setMaxConcurrentWorkflowTaskExecutionSize(c.concurrency())
          .build());
      worker.registerWorkflowImplementationTypes(TemporalShapes.workflowTypes());
      worker.registerActivitiesImplementations(new TemporalShapes.Activities(clock));
      site.workers().start();
      InJvmRuns.Launcher launcher = i -> TemporalShapes.start(site.client(), tag, tag, c.shape(), c.size(), i);
      Meter.Reading reading = meter.begin(kind);
      RawRun raw = c.scenario().allAtOnce()
          ? InJvmRuns.allAtOnce(c, sagas, launcher)
          : InJvmRuns.oneInFlight(c, sagas, launcher, clock);
      return new MeasuredRun(raw, reading.end());
    }
  }
}
