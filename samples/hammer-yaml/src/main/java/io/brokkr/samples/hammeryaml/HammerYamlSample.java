package io.brokkr.samples.hammeryaml;

import io.brokkr.runtime.Brokkr;
import io.brokkr.runtime.Worker;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Runs the hammer saga of {@code src/main/brokkr/hammer.yaml} on the embedded in-memory backend,
 * through {@code HammerLauncher}, which the plugin generated from that file.
 */
public final class HammerYamlSample {
  private HammerYamlSample() {}

  /**
   * The workers the YAML names. {@code forgeFails} makes the hammer step fail, so that the saga
   * compensates the head; {@code log} receives what each worker did.
   */
  static Worker[] workers(boolean forgeFails, List<String> log) {
    return new Worker[] {
      Worker.sync(HammerLauncher.HEAD_WORKER, step -> record(log, "a " + step.arg(0, String.class) + " head")),
      Worker.sync(HammerLauncher.HANDLE_WORKER, step -> record(log, "a " + step.arg(0, Integer.class) + " cm handle")),
      Worker.sync(HammerLauncher.HAMMER_WORKER, step -> {
        if (forgeFails) {
          throw new IllegalStateException("the forge went cold");
        }
        return record(log, step.dependencyResult(0, String.class) + " on " + step.dependencyResult(1, String.class));
      }),
      Worker.sync(HammerLauncher.HEAD_COMPENSATOR_WORKER, step -> {
        record(log, "destroyed " + step.dependencyResult(0, String.class));
        return null;
      })
    };
  }

  private static String record(List<String> log, String done) {
    log.add(done);
    return done;
  }

  public static void main(String[] args) throws Exception {
    List<String> log = new CopyOnWriteArrayList<>();
    try (Brokkr brokkr = Brokkr.inMemory()) {
      brokkr.registerWorkers(workers(false, log));
      String hammer = HammerLauncher.start(brokkr, "thunder", 42).result().get(10, TimeUnit.SECONDS);
      System.out.println("Forged " + hammer);
    }
  }
}
