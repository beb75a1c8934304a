package io.brokkr.samples.hammer;

import io.brokkr.dsl.SagaTemplate;
import io.brokkr.dsl.StepTemplate;
import io.brokkr.runtime.Brokkr;
import io.brokkr.runtime.Saga;
import io.brokkr.runtime.SagaOutcome;
import io.brokkr.runtime.SagaStep;
import io.brokkr.runtime.Worker;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The hammer saga of the original Brokkr: prints its plan, then runs it on the embedded store.
 *
 * <pre>
 * mvn -q -pl samples/hammer -am compile exec:java                          # the hammer is made
 * mvn -q -pl samples/hammer -am compile exec:java -Dexec.args=--fail       # it fails; the head is destroyed
 * mvn -q -pl samples/hammer -am compile exec:java -Dexec.args=--dynamic    # built with createSaga/addStep
 * </pre>
 */
public final class HammerSample {
  private static final long PATIENCE_SECONDS = 30;

  private HammerSample() {}

  /** The hammer saga: head and handle in parallel, then the hammer joins them. */
  static SagaTemplate hammerTemplate() {
    return SagaTemplate.named("Hammer")
        .input("headType", "String")
        .input("handleSize", "String")
        .step("head").worker("HammerHeadFactory").inputs("headType").compensateWith("HammerHeadDestroyer")
        .step("handle").worker("HandleFactory").inputs("handleSize")
        .step("hammer").worker("HammerFactory").dependsOn("head", "handle")
        .build();
  }

  /** The plan: steps by level, which run in parallel, and the compensations. */
  static String plan(SagaTemplate template) {
    StringBuilder out = new StringBuilder("Saga ").append(template.name()).append('\n');
    List<List<StepTemplate>> levels = template.levels();
    for (int level = 0; level < levels.size(); level++) {
      List<StepTemplate> steps = levels.get(level);
      out.append("  level ").append(level).append(steps.size() > 1 ? " (in parallel):" : ":").append('\n');
      for (StepTemplate step : steps) {
        out.append("    ").append(step.name()).append(" on worker ").append(step.worker());
        if (!step.dependsOn().isEmpty()) {
          out.append(", after ").append(String.join(", ", step.dependsOn()));
        }
        template.compensationOf(step.name())
            .ifPresent(c -> out.append(", undone by ").append(c.worker()));
        out.append('\n');
      }
    }
    return out.toString();
  }

  /**
   * Runs the hammer saga on a fresh embedded store, printing what happens.
   *
   * @param hammerFails whether joining head and handle fails, so that the head is compensated
   * @param dynamic whether to build the saga with the dynamic API rather than from the template
   * @return how the saga ended
   */
  static SagaOutcome run(boolean hammerFails, boolean dynamic, PrintStream out) {
    SagaTemplate template = hammerTemplate();
    out.print(plan(template));
    out.println("Running it" + (hammerFails ? ", with a hammer factory that fails" : "") + ":");
    try (Brokkr brokkr = Brokkr.builder().listener(new Narrator(out)).inMemory()) {
      brokkr.registerWorkers(HammerWorkers.all(hammerFails, out).toArray(Worker[]::new));
      CompletableFuture<SagaOutcome> outcome = dynamic
          ? startDynamically(brokkr).getOutcome()
          : brokkr.start(template, Map.of("headType", "ThunderBestowed", "handleSize", "short")).outcome();
      SagaOutcome result = await(outcome);
      out.println("Saga " + result.status() + result.failure()
          .map(f -> ": step \"" + f.stepId() + "\" failed: " + f.reason()).orElse("")
          + "; results " + result.results());
      return result;
    }
  }

  /** The saga of the original README, built step by step. */
  private static Saga startDynamically(Brokkr brokkr) {
    Saga saga = brokkr.createSaga();
    SagaStep head = saga.addStep("HammerHeadFactory", List.of("ThunderBestowed"));
    head.compensateWith("HammerHeadDestroyer", List.of("anExampleArg"));
    SagaStep handle = saga.addStep("HandleFactory", List.of("short"));
    saga.addStep("HammerFactory", List.of(), List.of(head.getId(), handle.getId()));
    saga.start();
    return saga;
  }

  private static SagaOutcome await(CompletableFuture<SagaOutcome> outcome) {
    try {
      return outcome.get(PATIENCE_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the saga ran", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("the saga did not settle", e);
    }
  }

  public static void main(String[] args) {
    List<String> options = List.of(args);
    run(options.contains("--fail"), options.contains("--dynamic"), System.out);
  }
}
